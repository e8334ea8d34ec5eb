package cn.jiaxiao.routes.push;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The VAPID key pair the gateway generated for itself when none is configured ({@code push_vapid_key}): made
 * once, by whichever instance comes first, and kept, since browsers' subscriptions are bound to the public key.
 * The private key is sealed with the contact cipher, so it is as safe as the guardians' numbers.
 */
public class VapidKeyStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    public VapidKeyStore(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The stored pair; a new one stored first if there is none. */
    public VapidKeys loadOrCreate() {
        VapidKeys fresh = VapidKeys.generate();
        // Two instances starting together: the first insert wins, both read the same row.
        jdbc.update("""
                insert into push_vapid_key (id, public_key, private_key_enc) values (1, :pub, :priv)
                on conflict (id) do nothing""",
                new MapSqlParameterSource().addValue("pub", fresh.publicKeyBase64Url())
                        .addValue("priv", cipher.encrypt(fresh.privateKeyBase64Url())));
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select public_key, private_key_enc from push_vapid_key where id = 1", Map.of());
        Map<String, Object> row = rows.get(0);
        return VapidKeys.fromBase64Url((String) row.get("public_key"),
                cipher.decrypt((byte[]) row.get("private_key_enc")));
    }
}

package cn.jiaxiao.routes.sms;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.routes.smpp.InboundSms;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Keeps every mobile-originated SMS, the sender's number sealed like every other contact point. */
public class InboundSmsStore {

    private static final Logger log = LoggerFactory.getLogger(InboundSmsStore.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    public InboundSmsStore(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public void record(InboundSms sms) {
        String source = MobileNumber.parse(sms.source()).map(MobileNumber::e164).orElse(sms.source());
        jdbc.update("""
                insert into inbound_message (connection, source_enc, source_hash, destination, body)
                values (:connection, :enc, :hash, :destination, :body)""",
                new MapSqlParameterSource().addValue("connection", sms.connection())
                        .addValue("enc", cipher.encrypt(source)).addValue("hash", cipher.lookupHash(source))
                        .addValue("destination", sms.destination()).addValue("body", sms.text()));
        log.info("MO from {} to {} recorded", MobileNumber.mask(sms.source()), sms.destination());
    }

    public int count() {
        Integer n = jdbc.queryForObject("select count(*) from inbound_message", Map.of(), Integer.class);
        return n == null ? 0 : n;
    }
}

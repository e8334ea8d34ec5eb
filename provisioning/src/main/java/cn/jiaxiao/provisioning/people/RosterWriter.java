package cn.jiaxiao.provisioning.people;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Writes students and guardians, sealing contact points on the way in. */
public class RosterWriter {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    public RosterWriter(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public long addStudent(Unit schoolClass, String studentNo, String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into student (class_id, student_no, name) values (:cls, :no, :name)",
                new MapSqlParameterSource().addValue("cls", schoolClass.id()).addValue("no", studentNo)
                        .addValue("name", name), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public long addGuardian(String name, MobileNumber mobile, String email) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into guardian (name, mobile_enc, mobile_hash, email_enc)
                values (:name, :mobileEnc, :mobileHash, :emailEnc)""",
                new MapSqlParameterSource().addValue("name", name)
                        .addValue("mobileEnc", mobile == null ? null : cipher.encrypt(mobile.e164()))
                        .addValue("mobileHash", mobile == null ? null : cipher.lookupHash(mobile.e164()))
                        .addValue("emailEnc", cipher.encrypt(email)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public void link(long guardianId, long studentId, String relation) {
        jdbc.update("""
                insert into guardian_student (guardian_id, student_id, relation) values (:g, :s, :rel)
                on conflict do nothing""", Map.of("g", guardianId, "s", studentId, "rel", relation));
    }
}

package cn.jiaxiao.app.support;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The test's own oracle for whom a class notice must reach: read straight from the tables. */
public final class ClassRoster {

    private ClassRoster() {
    }

    /** National mobile numbers of every guardian of the class, once each. */
    public static List<String> guardianMobiles(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, String classCode) {
        return jdbc.query("""
                select distinct g.id, g.mobile_enc from guardian g
                join guardian_student gs on gs.guardian_id = g.id
                join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id
                where c.code = :code and g.mobile_enc is not null""", Map.of("code", classCode),
                (rs, n) -> cipher.decrypt(rs.getBytes("mobile_enc")).substring(3));
    }
}

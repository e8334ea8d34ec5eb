package cn.jiaxiao.app.support;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import java.util.LinkedHashMap;
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

    /**
     * The SMS each guardian's number must get for a notice to the class: greeted through his children in the
     * class (张三、李四家长您好：), then the body, after the school's signature.
     */
    public static Map<String, String> smsTexts(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, String classCode,
            String body) {
        Map<String, String> salutations = new LinkedHashMap<>();
        jdbc.query("""
                select g.mobile_enc, string_agg(s.name, '、' order by s.student_no) as children
                from guardian g
                join guardian_student gs on gs.guardian_id = g.id
                join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id
                where c.code = :code and g.mobile_enc is not null
                group by g.id, g.mobile_enc order by g.id""", Map.of("code", classCode), rs -> {
                    salutations.putIfAbsent(cipher.decrypt(rs.getBytes("mobile_enc")).substring(3),
                            rs.getString("children") + "家长");
                });
        Map<String, String> texts = new LinkedHashMap<>();
        salutations.forEach((number, salutation) -> texts.put(number, "【示范中学】" + salutation + "您好：" + body));
        return texts;
    }
}

package cn.jiaxiao.provisioning.people;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Finds the guardians to reach for a set of classes, deduplicated, with their contact points decrypted. */
public class GuardianDirectory {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    public GuardianDirectory(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<GuardianContact> guardiansOfClasses(Collection<Long> classIds) {
        return classIds.isEmpty() ? List.of() : query("s.class_id in (:ids)", classIds);
    }

    /** Guardians named one by one (a custom group), with all their children. */
    public List<GuardianContact> guardiansByIds(Collection<Long> guardianIds) {
        return guardianIds.isEmpty() ? List.of() : query("g.id in (:ids)", guardianIds);
    }

    private List<GuardianContact> query(String condition, Collection<Long> ids) {
        Map<Long, GuardianContact> byGuardian = new LinkedHashMap<>();
        Map<Long, List<StudentRef>> children = new LinkedHashMap<>();
        jdbc.query("""
                select g.id as guardian_id, g.name as guardian_name, g.mobile_enc, g.email_enc,
                       s.id as student_id, s.name as student_name, c.code as class_code, c.name as class_name
                from student s
                join unit c on c.id = s.class_id
                join guardian_student gs on gs.student_id = s.id
                join guardian g on g.id = gs.guardian_id
                where\s""" + condition + """
                order by g.id, c.code, s.student_no""",
                Map.of("ids", ids),
                rs -> {
                    long guardianId = rs.getLong("guardian_id");
                    children.computeIfAbsent(guardianId, id -> new ArrayList<>()).add(new StudentRef(
                            rs.getLong("student_id"), rs.getString("student_name"),
                            rs.getString("class_code"), rs.getString("class_name")));
                    if (!byGuardian.containsKey(guardianId)) {
                        String mobile = cipher.decrypt(rs.getBytes("mobile_enc"));
                        byGuardian.put(guardianId, new GuardianContact(guardianId, rs.getString("guardian_name"),
                                mobile == null ? null : new MobileNumber(mobile),
                                cipher.decrypt(rs.getBytes("email_enc")), List.of()));
                    }
                });
        List<GuardianContact> result = new ArrayList<>(byGuardian.size());
        byGuardian.forEach((id, g) -> result.add(new GuardianContact(id, g.name(), g.mobile(), g.email(), children.get(id))));
        return result;
    }
}

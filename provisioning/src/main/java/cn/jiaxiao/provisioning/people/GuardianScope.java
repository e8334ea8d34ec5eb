package cn.jiaxiao.provisioning.people;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Whether a guardian lies within an account's scope: one of his children is in a class the account covers. */
public class GuardianScope {

    private final NamedParameterJdbcTemplate jdbc;

    public GuardianScope(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean reaches(StaffAccount account, long guardianId) {
        List<String> paths = account.roles().stream().map(r -> r.unit().path()).distinct().toList();
        if (paths.isEmpty()) {
            return false;
        }
        List<String> classPaths = jdbc.queryForList("""
                select c.path from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where gs.guardian_id = :g""", Map.of("g", guardianId), String.class);
        return classPaths.stream().anyMatch(cp -> paths.stream().anyMatch(cp::startsWith));
    }

    /** Whether the account may see this class's students and guardians. */
    public static boolean covers(StaffAccount account, Unit schoolClass) {
        return account.roles().stream().anyMatch(r -> r.covers(schoolClass));
    }

}

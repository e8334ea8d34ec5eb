package cn.jiaxiao.app.roster;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.fanout.GuardianPreferences;
import cn.jiaxiao.routes.notice.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A guardian's channel preference, recorded by his child's head teacher (guardians have no accounts): the
 * channels he wants non-emergency notices on. Emergencies still use every channel.
 */
@RestController
@RequestMapping("/api/guardians/{id}/preferences")
class GuardianPreferencesController {

    private static final Set<String> LANGUAGES = Set.of("zh-CN");

    private final CurrentAccount current;
    private final UnitRepository units;
    private final NamedParameterJdbcTemplate jdbc;
    private final GuardianPreferences preferences;
    private final AdminAuditLog audit;

    GuardianPreferencesController(CurrentAccount current, UnitRepository units, NamedParameterJdbcTemplate jdbc,
            AdminAuditLog audit) {
        this.current = current;
        this.units = units;
        this.jdbc = jdbc;
        this.preferences = new GuardianPreferences(jdbc);
        this.audit = audit;
    }

    record PreferenceRequest(List<String> channels, String language) {
    }

    @GetMapping
    GuardianPreferences.Preference get(@PathVariable long id) {
        requireHeadTeacherOf(current.get(), id);
        return preferences.find(id).orElse(new GuardianPreferences.Preference(id, List.of(Channel.values()), "zh-CN"));
    }

    @PutMapping
    GuardianPreferences.Preference put(@PathVariable long id, @RequestBody PreferenceRequest request) {
        StaffAccount teacher = current.get();
        requireHeadTeacherOf(teacher, id);
        if (request == null || request.channels() == null || request.channels().isEmpty()) {
            throw ProblemException.invalid("channels", "请至少选择一个渠道（SMS、EMAIL、PUSH）");
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : request.channels()) {
            try {
                Channel channel = Channel.valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
                if (!channels.contains(channel)) {
                    channels.add(channel);
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("channels", "未知的渠道：" + name);
            }
        }
        String language = request.language() == null ? "zh-CN" : request.language().trim();
        if (!LANGUAGES.contains(language)) {
            throw ProblemException.invalid("language", "目前只支持 zh-CN");
        }
        preferences.save(id, channels, language);
        audit.record(teacher.id(), "GUARDIAN_PREFERENCE_SET", "guardian", String.valueOf(id), null,
                Map.of("channels", channels.toString(), "language", language));
        return preferences.find(id).orElseThrow();
    }

    /** Out of scope answers as not found, like the rest of the roster. */
    private void requireHeadTeacherOf(StaffAccount teacher, long guardianId) {
        List<Long> classIds = jdbc.queryForList("""
                select distinct s.class_id from guardian_student gs join student s on s.id = gs.student_id
                where gs.guardian_id = :g""", Map.of("g", guardianId), Long.class);
        if (units.findByIds(classIds).stream().noneMatch(c -> teacher.holds(Role.HEAD_TEACHER, c))) {
            throw ProblemException.notFound("家长不存在或不是您班学生的家长");
        }
    }
}

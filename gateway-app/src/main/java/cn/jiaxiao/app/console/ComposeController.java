package cn.jiaxiao.app.console;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.group.RecipientGroups;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.notice.Audience;
import cn.jiaxiao.routes.scope.AudienceScope;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The compose page. Its audience picker offers only what the drafter may reach: each candidate (a class, a
 * grade or department, the school, all teachers) is offered when the same scope check that guards
 * {@code POST /api/notices} resolves it for him; his own groups are always his to use.
 */
@Controller
@RequestMapping("/console/compose")
class ComposeController {

    private final CurrentAccount current;
    private final AudienceScope scope;
    private final UnitRepository units;
    private final RecipientGroups groups;
    private final NamedParameterJdbcTemplate jdbc;

    ComposeController(CurrentAccount current, AudienceScope scope, UnitRepository units, RecipientGroups groups,
            NamedParameterJdbcTemplate jdbc) {
        this.current = current;
        this.scope = scope;
        this.units = units;
        this.groups = groups;
        this.jdbc = jdbc;
    }

    /** A choice in the audience picker (public: the templates call its accessors). */
    public record Option(String value, String label) {
    }

    @GetMapping
    String compose(Model model) {
        StaffAccount drafter = current.get();
        boolean department = drafter.holds(Role.DEPARTMENT_SENDER);
        List<Unit> all = jdbc.queryForList("select id from unit order by path", Map.of(), Long.class).stream()
                .map(id -> units.findById(id).orElse(null)).filter(Objects::nonNull).toList();
        model.addAttribute("classes", all.stream().filter(u -> u.kind() == UnitKind.CLASS)
                .filter(u -> reaches(drafter, new Audience(List.of(u.code()), null, null, false, false), department))
                .map(u -> new Option(u.code(), u.name())).toList());
        model.addAttribute("units", all.stream().filter(u -> u.kind() != UnitKind.CLASS && u.kind() != UnitKind.SCHOOL)
                .filter(u -> reaches(drafter, new Audience(null, List.of(u.code()), null, false, false), department))
                .map(u -> new Option(u.code(), u.name())).toList());
        model.addAttribute("groups", groups.ownedBy(drafter).stream()
                .map(g -> new Option(Long.toString(g.id()), g.name())).toList());
        model.addAttribute("school", reaches(drafter, new Audience(null, null, null, true, false), department));
        model.addAttribute("allTeachers", reaches(drafter, new Audience(null, null, null, false, true), department));
        model.addAttribute("department", department);
        model.addAttribute("emergency", drafter.holds(Role.OFFICE_SENDER));
        return "console/compose";
    }

    private boolean reaches(StaffAccount drafter, Audience audience, boolean filedRequest) {
        try {
            scope.resolve(drafter, audience, filedRequest);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }
}

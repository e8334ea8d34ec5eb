package cn.jiaxiao.app.roster;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.grant.SendGrants;
import cn.jiaxiao.provisioning.people.ClassRosterService;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The school's units, classes, students, guardians and send grants, each as far as the caller's scope reaches. */
@RestController
@RequestMapping("/api")
class RosterController {

    private final CurrentAccount current;
    private final UnitRepository units;
    private final NamedParameterJdbcTemplate jdbc;
    private final ClassRosterService roster;
    private final SendGrants grants;

    RosterController(CurrentAccount current, UnitRepository units, NamedParameterJdbcTemplate jdbc,
            ClassRosterService roster, SendGrants grants) {
        this.current = current;
        this.units = units;
        this.jdbc = jdbc;
        this.roster = roster;
        this.grants = grants;
    }

    record UnitView(String code, String name, String kind, String parent) {
    }

    record ContactChange(String mobile, String email) {
    }

    /** Units within the caller's scope (the subtrees of his roles). */
    @GetMapping("/units")
    List<UnitView> units() {
        return visibleUnits(null);
    }

    @GetMapping("/classes")
    List<UnitView> classes() {
        return visibleUnits(UnitKind.CLASS);
    }

    @GetMapping("/classes/{code}/students")
    List<ClassRosterService.StudentView> students(@PathVariable String code) {
        return roster.students(current.get(), code);
    }

    @PostMapping("/classes/{code}/students")
    @ResponseStatus(HttpStatus.CREATED)
    ClassRosterService.StudentView addStudent(@PathVariable String code,
            @RequestBody ClassRosterService.NewStudent student) {
        return roster.addStudent(current.get(), code, student);
    }

    @DeleteMapping("/students/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeStudent(@PathVariable long id) {
        roster.removeStudent(current.get(), id);
    }

    @PutMapping("/guardians/{id}/contact")
    ClassRosterService.GuardianView changeContact(@PathVariable long id, @RequestBody ContactChange change) {
        return roster.updateContact(current.get(), id, change.mobile(), change.email());
    }

    @GetMapping("/classes/{code}/grants")
    List<String> grants(@PathVariable String code) {
        return grants.granted(current.get(), code);
    }

    @PutMapping("/classes/{code}/grants/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void grant(@PathVariable String code, @PathVariable String username) {
        grants.grant(current.get(), code, username);
    }

    @DeleteMapping("/classes/{code}/grants/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String code, @PathVariable String username) {
        grants.revoke(current.get(), code, username);
    }

    private List<UnitView> visibleUnits(UnitKind kind) {
        List<String> prefixes = current.get().roles().stream().map(r -> r.unit().path()).distinct().toList();
        return jdbc.queryForList("select id from unit order by path", Map.of(), Long.class).stream()
                .map(id -> units.findById(id).orElseThrow())
                .filter(u -> kind == null || u.kind() == kind)
                .filter(u -> prefixes.stream().anyMatch(p -> u.path().startsWith(p)))
                .map(u -> new UnitView(u.code(), u.name(), u.kind().name(),
                        u.parentId() == null ? null : units.findById(u.parentId()).map(Unit::code).orElse(null)))
                .toList();
    }
}

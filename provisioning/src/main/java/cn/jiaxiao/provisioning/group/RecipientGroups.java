package cn.jiaxiao.provisioning.group;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.people.GuardianScope;
import cn.jiaxiao.provisioning.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Senders' own recipient groups. Guardians in a group must be within the owner's scope when the group is
 * saved, and again when it is used: a guardian whose child left the class drops out of reach.
 */
public class RecipientGroups {

    private final NamedParameterJdbcTemplate jdbc;
    private final GuardianScope scope;
    private final TransactionOperations tx;

    public RecipientGroups(NamedParameterJdbcTemplate jdbc, GuardianScope scope, TransactionOperations tx) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.tx = tx;
    }

    public RecipientGroup create(StaffAccount owner, String name, List<Long> guardianIds, List<Long> staffIds) {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw ProblemException.invalid("name", "请填写组名（不超过 50 字）");
        }
        List<Long> guardians = guardianIds == null ? List.of() : guardianIds.stream().distinct().toList();
        List<Long> staff = staffIds == null ? List.of() : staffIds.stream().distinct().toList();
        if (guardians.isEmpty() && staff.isEmpty()) {
            throw ProblemException.invalid("guardianIds", "用户组至少要有一名成员");
        }
        List<Long> outside = guardians.stream().filter(g -> !scope.reaches(owner, g)).toList();
        if (!outside.isEmpty()) {
            throw ProblemException.forbidden("guardianIds", "家长 " + outside + " 不在您的管理范围内");
        }
        List<Long> unknownStaff = staff.stream().filter(s -> !staffExists(s)).toList();
        if (!unknownStaff.isEmpty()) {
            throw ProblemException.invalid("staffIds", "教职工账号不存在：" + unknownStaff);
        }
        Long id = tx.execute(status -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            jdbc.update("insert into recipient_group (owner_id, name) values (:owner, :name) on conflict do nothing",
                    new MapSqlParameterSource().addValue("owner", owner.id()).addValue("name", name.trim()), keys,
                    new String[] {"id"});
            if (keys.getKey() == null) {
                throw ProblemException.conflict("已有同名用户组：" + name);
            }
            long groupId = keys.getKey().longValue();
            guardians.forEach(g -> jdbc.update(
                    "insert into recipient_group_member (group_id, guardian_id) values (:group, :member)",
                    Map.of("group", groupId, "member", g)));
            staff.forEach(s -> jdbc.update(
                    "insert into recipient_group_member (group_id, staff_id) values (:group, :member)",
                    Map.of("group", groupId, "member", s)));
            return groupId;
        });
        return find(id).orElseThrow();
    }

    public List<RecipientGroup> ownedBy(StaffAccount owner) {
        return jdbc.queryForList("select id from recipient_group where owner_id = :owner order by name",
                Map.of("owner", owner.id()), Long.class).stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The owner's group; anyone else's is "not found", to him. */
    public RecipientGroup owned(StaffAccount owner, long id, String field) {
        return find(id).filter(g -> g.ownerId() == owner.id())
                .orElseThrow(() -> ProblemException.forbidden(field, "用户组 " + id + " 不存在或不属于您"));
    }

    public void delete(StaffAccount owner, long id) {
        owned(owner, id, "id");
        jdbc.update("delete from recipient_group where id = :id", Map.of("id", id));
    }

    public Optional<RecipientGroup> find(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, owner_id, name from recipient_group where id = :id", Map.of("id", id));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        List<Long> guardians = jdbc.queryForList("""
                select guardian_id from recipient_group_member where group_id = :id and guardian_id is not null
                order by guardian_id""", Map.of("id", id), Long.class);
        List<Long> staff = jdbc.queryForList("""
                select staff_id from recipient_group_member where group_id = :id and staff_id is not null
                order by staff_id""", Map.of("id", id), Long.class);
        return Optional.of(new RecipientGroup(id, ((Number) row.get("owner_id")).longValue(),
                (String) row.get("name"), guardians, staff));
    }

    private boolean staffExists(long id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from staff_account where id = :id)",
                Map.of("id", id), Boolean.class));
    }
}

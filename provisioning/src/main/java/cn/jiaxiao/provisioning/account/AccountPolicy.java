package cn.jiaxiao.provisioning.account;

import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Two-level account management (校院两级管理, 001 §3–4): an account belongs to the level of the nearest unit
 * above its home unit that has an account manager — other than the account itself — and only that
 * level's manager creates, suspends and resets it. A division's own manager is thus managed by the
 * school level.
 */
public class AccountPolicy {

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitRepository units;

    public AccountPolicy(NamedParameterJdbcTemplate jdbc, UnitRepository units) {
        this.jdbc = jdbc;
        this.units = units;
    }

    public boolean mayManage(StaffAccount manager, StaffAccount account) {
        if (manager.id() == account.id()) {
            return false;
        }
        Unit level = levelOf(account.id(), units.findById(account.unitId()).orElseThrow());
        return level != null && manager.roles().stream()
                .anyMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().id() == level.id());
    }

    /** Whether a new account with this home unit would belong to the manager's level. */
    public boolean mayCreateAt(StaffAccount manager, Unit home) {
        Unit level = levelOf(-1, home);
        return level != null && manager.roles().stream()
                .anyMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().id() == level.id());
    }

    /** Whether the manager may hand out a role at this unit: only within his own level's subtree. */
    public boolean mayGrantAt(StaffAccount manager, Unit unit) {
        return manager.roles().stream().anyMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.covers(unit));
    }

    private Unit levelOf(long accountId, Unit home) {
        List<Unit> lineage = units.lineage(home);
        for (int i = lineage.size() - 1; i >= 0; i--) {
            Unit unit = lineage.get(i);
            Integer managers = jdbc.queryForObject("""
                    select count(*) from role_assignment
                    where role = 'ACCOUNT_MANAGER' and unit_id = :unit and account_id <> :account""",
                    Map.of("unit", unit.id(), "account", accountId), Integer.class);
            if (managers != null && managers > 0) {
                return unit;
            }
        }
        return null;
    }
}

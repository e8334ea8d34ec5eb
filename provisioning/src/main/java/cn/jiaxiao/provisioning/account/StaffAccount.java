package cn.jiaxiao.provisioning.account;

import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;

/** A personal, real-name (实名) staff account with the roles it holds. */
public record StaffAccount(long id, String username, String displayName, long unitId, String passwordHash,
        AccountStatus status, java.time.Instant lockedUntil, List<RoleAssignment> roles) {

    public StaffAccount {
        roles = List.copyOf(roles);
    }

    public boolean holds(Role role, Unit target) {
        return roles.stream().anyMatch(r -> r.role() == role && r.covers(target));
    }

    public boolean isLocked(java.time.Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean holds(Role role) {
        return roles.stream().anyMatch(r -> r.role() == role);
    }

    /** The school-level account manager (账号管理员 at the root unit): the only one who edits school settings. */
    public boolean managesSchool() {
        return roles.stream().anyMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().parentId() == null);
    }

    @Override
    public String toString() {
        return "StaffAccount[" + username + "]";
    }
}

package cn.jiaxiao.provisioning.account;

import cn.jiaxiao.provisioning.unit.Unit;

/** A role held at a unit; its scope is that unit's subtree. */
public record RoleAssignment(Role role, Unit unit) {

    public boolean covers(Unit target) {
        return unit.contains(target);
    }
}

package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.unit.Unit;

/** One step of a chain: who (a role at a unit) must take which action. */
public record StepRequirement(ApprovalAction action, Role role, Unit unit) {
}

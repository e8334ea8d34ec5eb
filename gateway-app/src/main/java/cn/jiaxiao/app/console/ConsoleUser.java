package cn.jiaxiao.app.console;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.routes.approval.ApprovalChains;
import java.util.List;

/** The logged-in account as the pages show it, and which pages the navigation offers him. */
public record ConsoleUser(String username, String name, List<String> roles, boolean approver, boolean rosterManager,
        boolean headTeacher, boolean schoolManager, boolean auditor) {

    static ConsoleUser of(StaffAccount account) {
        boolean approver = account.roles().stream().anyMatch(r -> ApprovalChains.APPROVER_ROLES.contains(r.role()))
                || account.holds(Role.DEPARTMENT_SENDER);
        boolean headTeacher = account.holds(Role.HEAD_TEACHER);
        return new ConsoleUser(account.username(), account.displayName(),
                account.roles().stream().map(r -> r.role().label() + "（" + r.unit().name() + "）").toList(),
                approver, account.holds(Role.ACCOUNT_MANAGER) || headTeacher, headTeacher, account.managesSchool(),
                account.holds(Role.PRINCIPAL) || account.holds(Role.STUDENT_AFFAIRS_HEAD)
                        || account.holds(Role.ACCOUNT_MANAGER));
    }
}

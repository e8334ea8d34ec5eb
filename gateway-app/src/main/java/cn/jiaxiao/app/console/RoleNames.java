package cn.jiaxiao.app.console;

import cn.jiaxiao.provisioning.account.Role;

/** Roles as the school calls them. */
final class RoleNames {

    private RoleNames() {
    }

    static String of(Role role) {
        return switch (role) {
            case PRINCIPAL -> "校长";
            case OFFICE_SENDER -> "校办室";
            case STUDENT_AFFAIRS_HEAD -> "学生处处长";
            case ACCOUNT_MANAGER -> "账号管理员";
            case GRADE_LEADER -> "年级组长";
            case STUDENT_WORK_LEADER -> "德育主任";
            case HEAD_TEACHER -> "班主任";
            case SUBJECT_TEACHER -> "课任教师";
            case DEPARTMENT_HEAD -> "部门负责人";
            case DEPARTMENT_SENDER -> "部门发送员";
            default -> role.name();
        };
    }
}

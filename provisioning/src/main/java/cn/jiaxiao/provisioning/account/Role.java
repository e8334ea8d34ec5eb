package cn.jiaxiao.provisioning.account;

/** What an account may do at the unit a role is held at (001 §2–6, 麻阳民族中学 rules §2). */
public enum Role {
    /** 校长 / 主管校领导: approves school-wide notices and emergency alerts. */
    PRINCIPAL("校长"),
    /** 校办室 sender: school leaders' and offices' messages go out through it. */
    OFFICE_SENDER("校办室"),
    /** 学生处处长: reviews school-wide notices, registers filed requests, sees every division's notices. */
    STUDENT_AFFAIRS_HEAD("学生处处长"),
    /** 账号管理员 of a level: creates, suspends and resets that level's accounts. */
    ACCOUNT_MANAGER("账号管理员"),
    /** 年级主任 / 院长: approves class and division notices of the division. */
    GRADE_LEADER("年级组长"),
    /** The division's leader for student work: reviews division notices. */
    STUDENT_WORK_LEADER("德育主任"),
    /** 班主任: manages and messages the class. */
    HEAD_TEACHER("班主任"),
    /** 课任教师: messages the classes taught, once the head teacher allows it. */
    SUBJECT_TEACHER("课任教师"),
    /** 部门负责人: reviews the department's filed requests. */
    DEPARTMENT_HEAD("部门负责人"),
    /** The department's designated sender of filed requests. */
    DEPARTMENT_SENDER("部门发送员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The name the school uses for the role, as pages and messages show it. */
    public String label() {
        return label;
    }
}

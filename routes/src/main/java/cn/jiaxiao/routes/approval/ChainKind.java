package cn.jiaxiao.routes.approval;

/** Which chain a notice follows: by the level its audience speaks at, or by what it is (001 §5–6, 003). */
public enum ChainKind {
    CLASS,
    DIVISION,
    SCHOOL,
    /** A department's filed request (书面申请). */
    DEPARTMENT,
    /** An emergency alert: one approval by the principal, sent at once. */
    EMERGENCY
}

package cn.jiaxiao.routes.approval;

import java.util.Locale;

/** Which chain a notice follows: by the level its audience speaks at, or by what it is (001 §5–6, 003). */
public enum ChainKind {
    CLASS("班级通知"),
    DIVISION("年级/学院通知"),
    SCHOOL("全校通知"),
    /** A department's filed request (书面申请). */
    DEPARTMENT("部门书面申请"),
    /** An emergency alert: one approval by the principal, sent at once. */
    EMERGENCY("紧急通知");

    private final String label;

    ChainKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name in {@code jiaxiao.approval.chains.<key>} and in the settings API's path. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

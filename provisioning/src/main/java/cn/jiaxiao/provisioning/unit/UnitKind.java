package cn.jiaxiao.provisioning.unit;

/** The levels of the school tree (001 §3–4): the school, its divisions, and classes. */
public enum UnitKind {
    SCHOOL,
    GRADE,
    COLLEGE,
    DEPARTMENT,
    OFFICE,
    CLASS;

    public boolean isDivision() {
        return this == GRADE || this == COLLEGE;
    }
}

package cn.jiaxiao.provisioning.unit;

/** A node of the school tree. {@code path} lists the ids from the root, e.g. {@code /1/4/7/}. */
public record Unit(long id, String code, String name, UnitKind kind, Long parentId, String path) {

    /** True when {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }
}

package cn.jiaxiao.routes.scope;

import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;

/**
 * An audience resolved to whom it reaches — the classes whose guardians it reaches, guardians named one
 * by one (custom groups), staff accounts — and the level it speaks at: the lowest unit containing all of
 * it (a class, a division or the school), which decides the approval chain.
 */
public record ResolvedAudience(List<Unit> classes, List<Long> guardianIds, List<Long> staffIds, Unit level) {

    public ResolvedAudience {
        classes = List.copyOf(classes);
        guardianIds = List.copyOf(guardianIds);
        staffIds = List.copyOf(staffIds);
    }

    public List<Long> classIds() {
        return classes.stream().map(Unit::id).toList();
    }
}

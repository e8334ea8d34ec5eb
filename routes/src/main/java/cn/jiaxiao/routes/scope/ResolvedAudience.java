package cn.jiaxiao.routes.scope;

import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;

/**
 * An audience resolved to the classes whose guardians it reaches, and the level it speaks at: the lowest
 * unit containing all of them (a class, a division or the school), which decides the approval chain.
 */
public record ResolvedAudience(List<Unit> classes, Unit level) {

    public ResolvedAudience {
        classes = List.copyOf(classes);
    }

    public List<Long> classIds() {
        return classes.stream().map(Unit::id).toList();
    }
}

package cn.jiaxiao.routes.notice;

import java.util.List;

/**
 * Whom a notice reaches, as the sender names it: classes and units by code, custom groups by id,
 * the whole school's guardians, all staff.
 */
public record Audience(List<String> classes, List<String> units, List<Long> groups, boolean school,
        boolean allTeachers) {

    public Audience {
        classes = classes == null ? List.of() : List.copyOf(classes);
        units = units == null ? List.of() : List.copyOf(units);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public static Audience ofClasses(String... codes) {
        return new Audience(List.of(codes), List.of(), List.of(), false, false);
    }

    public boolean isEmpty() {
        return classes.isEmpty() && units.isEmpty() && groups.isEmpty() && !school && !allTeachers;
    }
}

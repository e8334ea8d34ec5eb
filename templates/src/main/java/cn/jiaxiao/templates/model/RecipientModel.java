package cn.jiaxiao.templates.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Who one message is for. A guardian is greeted through their children ({@code 张三家长}); a guardian
 * with two children in the audience gets one message naming both ({@code 张三、李四家长}). Staff (an
 * approver) are greeted by name and title ({@code 王芳老师}) and have no children.
 *
 * @param salutation how the message greets the recipient, without {@code 您好}
 * @param children   the recipient's children this message concerns, in the order to name them
 */
public record RecipientModel(String salutation, List<Child> children) {

    private static final String NAME_SEPARATOR = "、";

    public RecipientModel {
        Objects.requireNonNull(salutation, "salutation");
        children = List.copyOf(children);
    }

    /** A guardian, greeted through the children the message concerns. */
    public static RecipientModel guardianOf(List<Child> children) {
        if (children.isEmpty()) {
            throw new IllegalArgumentException("A guardian is greeted through at least one child");
        }
        return new RecipientModel(joinDistinct(children.stream().map(Child::name).toList()) + "家长", children);
    }

    public static RecipientModel guardianOf(Child... children) {
        return guardianOf(List.of(children));
    }

    /** A member of staff: {@code staff("王芳", "老师")} greets 王芳老师. */
    public static RecipientModel staff(String name, String title) {
        return new RecipientModel(name + title, List.of());
    }

    /** {@code 张三、李四}: each child once, even if the audience reached them twice. */
    public String childNames() {
        return joinDistinct(children.stream().map(Child::name).toList());
    }

    /** {@code 七年级1班、八年级2班}: each class once, so siblings in one class don't repeat it. */
    public String classNames() {
        return joinDistinct(children.stream().map(Child::className).toList());
    }

    /** {@code 张三（七年级1班）、李四（八年级2班）}. */
    public String childrenWithClasses() {
        return joinDistinct(children.stream().map(child -> child.name() + "（" + child.className() + "）").toList());
    }

    private static String joinDistinct(List<String> values) {
        return new LinkedHashSet<>(values).stream().collect(Collectors.joining(NAME_SEPARATOR));
    }
}

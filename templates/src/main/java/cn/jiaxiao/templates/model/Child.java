package cn.jiaxiao.templates.model;

import java.util.Objects;

/** A student as a message names them: {@code 张三}, in {@code 七年级1班}. */
public record Child(String name, String className) {

    public Child {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
    }
}

package cn.jiaxiao.templates.model;

import java.util.Objects;

/** A link shown under a notice: {@code 查看详情}, {@code https://...}. */
public record Link(String label, String url) {

    public Link {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
    }
}

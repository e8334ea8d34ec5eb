package cn.jiaxiao.templates.render;

import java.util.Optional;

/**
 * Where template source text comes from: the built-in defaults, or a school's overrides stored by the
 * gateway. Looked up on every render, so an edited override applies to the next message.
 */
@FunctionalInterface
public interface TemplateSource {

    Optional<String> find(TemplateKind kind, TemplatePart part);

    /** No templates at all: the renderer then uses only its built-in defaults. */
    static TemplateSource none() {
        return (kind, part) -> Optional.empty();
    }

    /** This source first, the other where this one has nothing. */
    default TemplateSource orElse(TemplateSource fallback) {
        return (kind, part) -> find(kind, part).or(() -> fallback.find(kind, part));
    }
}

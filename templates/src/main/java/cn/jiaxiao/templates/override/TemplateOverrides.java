package cn.jiaxiao.templates.override;

import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.render.TemplatePart;
import cn.jiaxiao.templates.render.TemplateSource;
import java.util.Map;
import java.util.Optional;

/**
 * A school's overrides held in memory, e.g. loaded from the database for one render or one preview.
 * The gateway may as well implement {@link TemplateSource} over its repository directly. Overrides
 * should have passed {@link cn.jiaxiao.templates.validate.TemplateValidator} before they were stored.
 */
public final class TemplateOverrides implements TemplateSource {

    private final Map<TemplateKey, String> sources;

    private TemplateOverrides(Map<TemplateKey, String> sources) {
        this.sources = Map.copyOf(sources);
    }

    public static TemplateOverrides of(Map<TemplateKey, String> sources) {
        return new TemplateOverrides(sources);
    }

    @Override
    public Optional<String> find(TemplateKind kind, TemplatePart part) {
        return Optional.ofNullable(sources.get(new TemplateKey(kind, part)));
    }
}

package cn.jiaxiao.templates.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default wording shipped with the gateway: {@code /templates/notice/<kind>/<part>.ftl}. */
public final class BuiltInTemplates implements TemplateSource {

    private static final String ROOT = "/templates/notice/";
    // Resources in the gateway's own jar can't change while it runs; a district's fan-out renders 100,000 texts,
    // and opening the resource for each was a third of the rendering time.
    private static final Map<String, Optional<String>> SOURCES = new ConcurrentHashMap<>();

    @Override
    public Optional<String> find(TemplateKind kind, TemplatePart part) {
        return read(ROOT + kind.folder() + "/" + part.fileName());
    }

    /** The one-text-for-everyone SMS of the first gateway version: {@code /templates/broadcast/sms/<kind>.ftl}. */
    Optional<String> broadcast(TemplateKind kind, TemplateChannel channel) {
        return read("/templates/broadcast/" + channel.folder() + "/" + kind.fileName());
    }

    private static Optional<String> read(String path) {
        return SOURCES.computeIfAbsent(path, BuiltInTemplates::load);
    }

    private static Optional<String> load(String path) {
        try (InputStream in = BuiltInTemplates.class.getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + path, e);
        }
    }
}

package cn.jiaxiao.routes.template;

import cn.jiaxiao.templates.override.TemplateKey;
import cn.jiaxiao.templates.override.TemplateOverrides;
import cn.jiaxiao.templates.render.MessageRenderer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The school's own wording of template parts. Stored only after validation (the caller's job); read once per
 * notice, so that every message of a notice uses the same wording even if an override changes meanwhile.
 */
public class TemplateOverrideRepository {

    public record StoredOverride(String kind, String part, String source, int version, Instant updatedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public TemplateOverrideRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredOverride> all() {
        return jdbc.query("select kind, part, source, version, updated_at from template_override order by kind, part",
                Map.of(), (rs, n) -> new StoredOverride(rs.getString("kind"), rs.getString("part"),
                        rs.getString("source"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant()));
    }

    /** @return the new version */
    public int save(TemplateKey key, String source, long accountId) {
        return jdbc.queryForObject("""
                insert into template_override (kind, part, source, updated_by) values (:kind, :part, :source, :by)
                on conflict (kind, part) do update set source = excluded.source, updated_by = excluded.updated_by,
                    version = template_override.version + 1, updated_at = now()
                returning version""",
                new MapSqlParameterSource().addValue("kind", key.kind().name()).addValue("part", key.part().name())
                        .addValue("source", source).addValue("by", accountId), Integer.class);
    }

    public boolean delete(TemplateKey key) {
        return jdbc.update("delete from template_override where kind = :kind and part = :part",
                Map.of("kind", key.kind().name(), "part", key.part().name())) > 0;
    }

    /** A renderer with the overrides as they are now, over the built-in templates. */
    public MessageRenderer renderer() {
        Map<TemplateKey, String> sources = new LinkedHashMap<>();
        for (StoredOverride stored : all()) {
            sources.put(TemplateKey.parse(stored.kind(), stored.part()), stored.source());
        }
        return sources.isEmpty() ? new MessageRenderer() : new MessageRenderer(TemplateOverrides.of(sources));
    }
}

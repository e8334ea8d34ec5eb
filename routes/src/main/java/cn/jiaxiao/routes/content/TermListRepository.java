package cn.jiaxiao.routes.content;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.banned.TermEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The school's content lists in PostgreSQL (V6__content_lists.sql): terms per category, whitelist phrases,
 * allowed link domains, and the single-row version counter. Writers call {@link #bumpVersion()} in the same
 * transaction as their change; the repository itself opens no transaction.
 */
public class TermListRepository {

    private static final Logger log = LoggerFactory.getLogger(TermListRepository.class);

    private static final String TERM_COLUMNS = "id, category, term, severity, guarded, suggestion, created_by, created_at";

    /** One stored term. {@code category} is a {@link Category} name. */
    public record StoredTerm(long id, String category, String term, Severity severity, boolean guarded,
            String suggestion, Long createdBy, Instant createdAt) {

        /** The library's entry, or empty when the category is not (or no longer) one the library knows. */
        public Optional<TermEntry> toEntry() {
            try {
                return Optional.of(new TermEntry(Category.valueOf(category), term, severity, guarded, suggestion));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        public Map<String, Object> auditView() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", id);
            m.put("category", category);
            m.put("term", term);
            m.put("severity", severity.name());
            m.put("guarded", guarded);
            m.put("suggestion", suggestion);
            return m;
        }
    }

    /** A whitelist phrase or an allowed domain. */
    public record StoredValue(long id, String value, Long createdBy, Instant createdAt) {
    }

    /** The version counter; 0 until the lists were first loaded. */
    public record ListVersion(long version, Instant changedAt) {
    }

    private static final RowMapper<StoredTerm> TERM = (rs, n) -> new StoredTerm(rs.getLong("id"),
            rs.getString("category"), rs.getString("term"), Severity.valueOf(rs.getString("severity")),
            rs.getBoolean("guarded"), rs.getString("suggestion"), (Long) rs.getObject("created_by"),
            instant(rs.getTimestamp("created_at")));

    private final NamedParameterJdbcTemplate jdbc;

    public TermListRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- version -------------------------------------------------------------------------------------------

    public ListVersion version() {
        return jdbc.queryForObject("select version, changed_at from content_list_version where id = 1", Map.of(),
                (rs, n) -> new ListVersion(rs.getLong("version"), instant(rs.getTimestamp("changed_at"))));
    }

    /** Increments the counter; call inside the transaction making the change. @return the new version */
    public long bumpVersion() {
        return jdbc.queryForObject("""
                update content_list_version set version = version + 1, changed_at = now() where id = 1
                returning version""", Map.of(), Long.class);
    }

    /**
     * Locks the version row until the end of the current transaction and returns it: serialises seeding and
     * concurrent edits across gateway instances.
     */
    public long lockVersion() {
        return jdbc.queryForObject("select version from content_list_version where id = 1 for update", Map.of(),
                Long.class);
    }

    // --- terms ---------------------------------------------------------------------------------------------

    public List<StoredTerm> terms() {
        return jdbc.query("select " + TERM_COLUMNS + " from content_term order by category, term", Map.of(), TERM);
    }

    public List<StoredTerm> terms(String category) {
        return jdbc.query("select " + TERM_COLUMNS + " from content_term where category = :c order by term",
                Map.of("c", category), TERM);
    }

    public Optional<StoredTerm> findTerm(long id) {
        return jdbc.query("select " + TERM_COLUMNS + " from content_term where id = :id", Map.of("id", id), TERM)
                .stream().findFirst();
    }

    public Optional<StoredTerm> findTerm(String category, String term) {
        return jdbc.query("select " + TERM_COLUMNS + " from content_term where category = :c and term = :t",
                Map.of("c", category, "t", term), TERM).stream().findFirst();
    }

    /** Inserts a term; returns empty when the same (category, term) is already stored. */
    public Optional<StoredTerm> addTerm(Category category, String term, Severity severity, boolean guarded,
            String suggestion, Long createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.update("""
                insert into content_term (category, term, severity, guarded, suggestion, created_by)
                values (:c, :t, :s, :g, :sg, :by) on conflict (category, term) do nothing""",
                new MapSqlParameterSource().addValue("c", category.name()).addValue("t", term)
                        .addValue("s", severity.name()).addValue("g", guarded).addValue("sg", suggestion)
                        .addValue("by", createdBy), keys, new String[] {"id"});
        if (rows == 0) {
            return Optional.empty();
        }
        return findTerm(keys.getKey().longValue());
    }

    public boolean removeTerm(long id) {
        return jdbc.update("delete from content_term where id = :id", Map.of("id", id)) > 0;
    }

    public int termCount() {
        return jdbc.queryForObject("select count(*) from content_term", Map.of(), Integer.class);
    }

    /** Stored terms per category, only categories the library knows. */
    public Map<Category, Integer> termCounts() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        jdbc.query("select category, count(*) as n from content_term group by category", Map.of(), rs -> {
            try {
                counts.put(Category.valueOf(rs.getString("category")), rs.getInt("n"));
            } catch (IllegalArgumentException e) {
                log.warn("content_term holds terms of unknown category {}", rs.getString("category"));
            }
        });
        return counts;
    }

    // --- whitelist -----------------------------------------------------------------------------------------

    public List<StoredValue> whitelist() {
        return values("select id, phrase as value, created_by, created_at from content_whitelist order by phrase");
    }

    public Optional<StoredValue> findWhitelisted(long id) {
        return value("select id, phrase as value, created_by, created_at from content_whitelist where id = :id", id);
    }

    public Optional<StoredValue> addWhitelisted(String phrase, Long createdBy) {
        return insertValue("""
                insert into content_whitelist (phrase, created_by) values (:v, :by)
                on conflict (phrase) do nothing""", phrase, createdBy)
                .flatMap(this::findWhitelisted);
    }

    public boolean removeWhitelisted(long id) {
        return jdbc.update("delete from content_whitelist where id = :id", Map.of("id", id)) > 0;
    }

    // --- allowed domains -----------------------------------------------------------------------------------

    public List<StoredValue> allowedDomains() {
        return values("select id, domain as value, created_by, created_at from content_allowed_domain order by domain");
    }

    public Optional<StoredValue> findAllowedDomain(long id) {
        return value("select id, domain as value, created_by, created_at from content_allowed_domain where id = :id",
                id);
    }

    public Optional<StoredValue> addAllowedDomain(String domain, Long createdBy) {
        return insertValue("""
                insert into content_allowed_domain (domain, created_by) values (:v, :by)
                on conflict (domain) do nothing""", domain, createdBy)
                .flatMap(this::findAllowedDomain);
    }

    public boolean removeAllowedDomain(long id) {
        return jdbc.update("delete from content_allowed_domain where id = :id", Map.of("id", id)) > 0;
    }

    // --- seeding -------------------------------------------------------------------------------------------

    /** Inserts many terms and phrases at once (the shipped defaults); duplicates are skipped. */
    public void insertAll(List<TermEntry> entries, java.util.Collection<String> whitelist) {
        jdbc.batchUpdate("""
                insert into content_term (category, term, severity, guarded, suggestion)
                values (:c, :t, :s, :g, :sg) on conflict (category, term) do nothing""",
                entries.stream().map(e -> new MapSqlParameterSource().addValue("c", e.category().name())
                        .addValue("t", e.term()).addValue("s", e.severity().name()).addValue("g", e.guarded())
                        .addValue("sg", e.suggestion())).toArray(MapSqlParameterSource[]::new));
        jdbc.batchUpdate("insert into content_whitelist (phrase) values (:v) on conflict (phrase) do nothing",
                whitelist.stream().map(p -> new MapSqlParameterSource("v", p)).toArray(MapSqlParameterSource[]::new));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private List<StoredValue> values(String sql) {
        return jdbc.query(sql, Map.of(), TermListRepository::storedValue);
    }

    private Optional<StoredValue> value(String sql, long id) {
        return jdbc.query(sql, Map.of("id", id), TermListRepository::storedValue).stream().findFirst();
    }

    private Optional<Long> insertValue(String sql, String value, Long createdBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        int rows = jdbc.update(sql, new MapSqlParameterSource().addValue("v", value).addValue("by", createdBy), keys,
                new String[] {"id"});
        return rows == 0 ? Optional.empty() : Optional.of(keys.getKey().longValue());
    }

    private static StoredValue storedValue(ResultSet rs, int n) throws SQLException {
        return new StoredValue(rs.getLong("id"), rs.getString("value"), (Long) rs.getObject("created_by"),
                instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}

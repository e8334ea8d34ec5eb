package cn.jiaxiao.routes.content;

import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.SwappableContentChecker;
import cn.jiaxiao.filter.banned.TermEntry;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.routes.content.TermListRepository.StoredTerm;
import cn.jiaxiao.routes.content.TermListRepository.StoredValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gateway's content check (school-rules §3) over the school's own lists in PostgreSQL. Every instance holds
 * its checker in memory and polls the one-row version counter ({@link #reloadIfChanged()}, from the
 * {@code content-lists-reload} timer route): when an edit on any instance bumped it, the checker is rebuilt from
 * the database and swapped in atomically; checks in flight finish on the old one.
 *
 * <p>Until the first load the shipped defaults are used, so a check never runs without lists.
 */
public class ContentPolicy {

    private static final Logger log = LoggerFactory.getLogger(ContentPolicy.class);

    private final TermListRepository lists;
    private final TransactionTemplate tx;
    private final TransactionTemplate snapshot;
    private final AdminAuditLog audit;
    private final Set<String> schoolNumbers;
    private final SwappableContentChecker checker;
    private final Object reloadLock = new Object();
    private volatile long loadedVersion = -1;

    /**
     * @param audit         records the seeding of the defaults (actor: none); may be null
     * @param schoolNumbers the school's own phone numbers, which notices may carry without a warning
     */
    public ContentPolicy(TermListRepository lists, TransactionTemplate tx, AdminAuditLog audit,
            Set<String> schoolNumbers) {
        this.lists = lists;
        this.tx = tx;
        this.audit = audit;
        this.schoolNumbers = Set.copyOf(schoolNumbers);
        this.snapshot = new TransactionTemplate(tx.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.checker = new SwappableContentChecker(ContentChecker.builder().termLists(TermLists.defaults())
                .schoolNumbers(this.schoolNumbers).build());
    }

    // --- checking ------------------------------------------------------------------------------------------

    public CheckResult check(String text) {
        return checker.check(text);
    }

    public CheckResult check(String text, CheckOptions options) {
        return checker.check(text, options);
    }

    /** The checker in use now (immutable). */
    public ContentChecker current() {
        return checker.current();
    }

    /** The list version the checker in use was built from; -1 before the first load (shipped defaults). */
    public long loadedVersion() {
        return loadedVersion;
    }

    // --- loading -------------------------------------------------------------------------------------------

    /**
     * Loads the shipped defaults ({@link TermLists#defaults()}) into empty tables that were never loaded
     * (version 0), so a school that empties a list on purpose does not get the defaults back at the next start.
     * Safe when several instances start at once: the version row is locked while seeding.
     *
     * @return true when this call seeded the lists
     */
    public boolean seedDefaultsIfEmpty() {
        TermLists defaults = TermLists.defaults();
        Boolean seeded = tx.execute(status -> {
            long version = lists.lockVersion();
            if (version != 0 || lists.termCount() > 0 || !lists.whitelist().isEmpty()) {
                return false;
            }
            lists.insertAll(defaults.entries(), defaults.whitelist());
            long next = lists.bumpVersion();
            if (audit != null) {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("version", next);
                after.put("terms", lists.termCount());
                after.put("whitelist", lists.whitelist().size());
                audit.record(null, "CONTENT_DEFAULTS_SEEDED", "content_lists", defaults.version(), null, after);
            }
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info("Content lists seeded with the shipped defaults {}", defaults);
        }
        return Boolean.TRUE.equals(seeded);
    }

    /**
     * Rebuilds the checker when the lists' version differs from the loaded one. Cheap when nothing changed (one
     * single-row select), so it can run every few seconds on every instance.
     *
     * @return true when a new checker was swapped in
     */
    public boolean reloadIfChanged() {
        if (lists.version().version() == loadedVersion) {
            return false;
        }
        synchronized (reloadLock) {
            Snapshot s = snapshot.execute(status -> new Snapshot(lists.version().version(), lists.terms(),
                    lists.whitelist(), lists.allowedDomains()));
            if (s == null || s.version() == loadedVersion) {
                return false;
            }
            ContentChecker next = build(s);
            checker.swap(next);
            long previous = loadedVersion;
            loadedVersion = s.version();
            log.info("Content lists reloaded: version {} -> {}, {} terms, {} whitelist phrases, {} allowed domains",
                    previous, s.version(), next.termCount(), s.whitelist().size(), s.domains().size());
            return true;
        }
    }

    private ContentChecker build(Snapshot s) {
        TermLists.Builder b = TermLists.builder().version("db-" + s.version());
        List<String> unknown = new java.util.ArrayList<>();
        for (StoredTerm t : s.terms()) {
            Optional<TermEntry> entry = t.toEntry();
            if (entry.isPresent()) {
                b.add(entry.get());
            } else {
                unknown.add(t.category() + "/" + t.term());
            }
        }
        if (!unknown.isEmpty()) {
            log.warn("Ignored {} stored terms of unknown categories, e.g. {}", unknown.size(), unknown.get(0));
        }
        b.whitelist(s.whitelist().stream().map(StoredValue::value).toList());
        return ContentChecker.builder()
                .termLists(b.build())
                .allowedDomains(s.domains().stream().map(StoredValue::value).collect(Collectors.toSet()))
                .schoolNumbers(schoolNumbers)
                .build();
    }

    private record Snapshot(long version, List<StoredTerm> terms, List<StoredValue> whitelist,
            List<StoredValue> domains) {
    }
}

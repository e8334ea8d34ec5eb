package cn.jiaxiao.routes.content;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.filter.normalize.TextNormalizer;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.content.TermListRepository.StoredTerm;
import cn.jiaxiao.routes.content.TermListRepository.StoredValue;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Editing the school's content lists (terms, whitelist, allowed domains). Only the school-level account manager
 * (账号管理员 at the root unit) may read or change them. Each change bumps the version and is recorded in the
 * admin audit in the same transaction; this instance reloads at once, the others on their next poll.
 */
public class ContentListService {

    private static final Logger log = LoggerFactory.getLogger(ContentListService.class);

    public static final int MAX_TERM = 100;
    public static final int MAX_DOMAIN = 253;
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final String ALLOWED_CATEGORIES = TermLists.LIST_CATEGORIES.stream().map(Enum::name)
            .collect(Collectors.joining(", "));

    /** Sizes of the stored lists; {@code version} is the database's, {@code loadedVersion} this instance's. */
    public record Summary(long version, long loadedVersion, int termCount, Map<Category, Integer> categories,
            int whitelistCount, int allowedDomainCount) {
    }

    private final TermListRepository lists;
    private final ContentPolicy policy;
    private final UnitRepository units;
    private final AdminAuditLog audit;
    private final TransactionTemplate tx;

    public ContentListService(TermListRepository lists, ContentPolicy policy, UnitRepository units,
            AdminAuditLog audit, TransactionTemplate tx) {
        this.lists = lists;
        this.policy = policy;
        this.units = units;
        this.audit = audit;
        this.tx = tx;
    }

    // --- reading -------------------------------------------------------------------------------------------

    /** Counts only, no terms: any staff member may see how big the lists are and which version is in use. */
    public Summary summary() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        TermLists.LIST_CATEGORIES.forEach(c -> counts.put(c, 0));
        counts.putAll(lists.termCounts());
        return new Summary(lists.version().version(), policy.loadedVersion(),
                counts.values().stream().mapToInt(Integer::intValue).sum(), counts, lists.whitelist().size(),
                lists.allowedDomains().size());
    }

    /** The terms, of one category when {@code category} is given. */
    public List<StoredTerm> terms(StaffAccount reader, String category) {
        requireSchoolManager(reader, "查看");
        if (category == null || category.isBlank()) {
            return lists.terms();
        }
        return lists.terms(category(category).name());
    }

    public List<StoredValue> whitelist(StaffAccount reader) {
        requireSchoolManager(reader, "查看");
        return lists.whitelist();
    }

    public List<StoredValue> allowedDomains(StaffAccount reader) {
        requireSchoolManager(reader, "查看");
        return lists.allowedDomains();
    }

    // --- terms ---------------------------------------------------------------------------------------------

    public StoredTerm addTerm(StaffAccount manager, NewTerm request) {
        requireSchoolManager(manager, "修改");
        if (request == null) {
            throw ProblemException.invalid("term", "请填写词语");
        }
        Category category = category(request.category());
        String term = text("term", "词语", request.term(), MAX_TERM);
        Severity severity = severity(request.severity());
        boolean guarded = Boolean.TRUE.equals(request.guarded());
        String suggestion = request.suggestion() == null || request.suggestion().isBlank() ? null
                : text("suggestion", "建议改为", request.suggestion(), MAX_TERM);
        if (category == Category.TYPO && suggestion == null) {
            throw ProblemException.invalid("suggestion", "错别字须填写正确写法（suggestion）");
        }
        StoredTerm added = change(() -> {
            StoredTerm t = lists.addTerm(category, term, severity, guarded, suggestion, manager.id())
                    .orElseThrow(() -> ProblemException.conflict("词库中已有该词：" + category.name() + " / " + term));
            return t;
        }, (t, version) -> audit.record(manager.id(), "CONTENT_TERM_ADDED", "content_term",
                target(t.category() + "/" + t.term()), null, withVersion(t.auditView(), version)));
        return added;
    }

    public void removeTerm(StaffAccount manager, long id) {
        requireSchoolManager(manager, "修改");
        change(() -> {
            StoredTerm t = lists.findTerm(id).orElseThrow(() -> ProblemException.notFound("没有这个词条：" + id));
            lists.removeTerm(id);
            return t;
        }, (t, version) -> audit.record(manager.id(), "CONTENT_TERM_REMOVED", "content_term",
                target(t.category() + "/" + t.term()), t.auditView(), Map.of("version", version)));
    }

    // --- whitelist -----------------------------------------------------------------------------------------

    public StoredValue addWhitelisted(StaffAccount manager, String phrase) {
        requireSchoolManager(manager, "修改");
        String p = text("phrase", "白名单短语", phrase, MAX_TERM);
        return change(() -> lists.addWhitelisted(p, manager.id())
                        .orElseThrow(() -> ProblemException.conflict("白名单中已有该短语：" + p)),
                (v, version) -> audit.record(manager.id(), "CONTENT_WHITELIST_ADDED", "content_whitelist",
                        target(v.value()), null, valueView("phrase", v, version)));
    }

    public void removeWhitelisted(StaffAccount manager, long id) {
        requireSchoolManager(manager, "修改");
        change(() -> {
            StoredValue v = lists.findWhitelisted(id).orElseThrow(() -> ProblemException.notFound("白名单中没有这一条：" + id));
            lists.removeWhitelisted(id);
            return v;
        }, (v, version) -> audit.record(manager.id(), "CONTENT_WHITELIST_REMOVED", "content_whitelist",
                target(v.value()), valueView("phrase", v, null), Map.of("version", version)));
    }

    // --- allowed domains -----------------------------------------------------------------------------------

    public StoredValue addAllowedDomain(StaffAccount manager, String domain) {
        requireSchoolManager(manager, "修改");
        String d = domain(domain);
        return change(() -> lists.addAllowedDomain(d, manager.id())
                        .orElseThrow(() -> ProblemException.conflict("已允许该域名：" + d)),
                (v, version) -> audit.record(manager.id(), "CONTENT_DOMAIN_ADDED", "content_allowed_domain",
                        target(v.value()), null, valueView("domain", v, version)));
    }

    public void removeAllowedDomain(StaffAccount manager, long id) {
        requireSchoolManager(manager, "修改");
        change(() -> {
            StoredValue v = lists.findAllowedDomain(id).orElseThrow(() -> ProblemException.notFound("没有这个域名：" + id));
            lists.removeAllowedDomain(id);
            return v;
        }, (v, version) -> audit.record(manager.id(), "CONTENT_DOMAIN_REMOVED", "content_allowed_domain",
                target(v.value()), valueView("domain", v, null), Map.of("version", version)));
    }

    // --- the change itself ---------------------------------------------------------------------------------

    private interface Audit<T> {
        void record(T changed, long version);
    }

    /** Lock the version row, change, bump, audit: one transaction; then rebuild this instance's checker. */
    private <T> T change(java.util.function.Supplier<T> change, Audit<T> auditor) {
        T result = tx.execute(status -> {
            lists.lockVersion();
            T changed = change.get();
            long version = lists.bumpVersion();
            auditor.record(changed, version);
            return changed;
        });
        try {
            policy.reloadIfChanged();
        } catch (RuntimeException e) {
            // Committed; the reload timer picks it up on its next run.
            log.warn("Content lists changed but not reloaded at once: {}", e.getMessage());
        }
        return result;
    }

    // --- permission and validation -------------------------------------------------------------------------

    private void requireSchoolManager(StaffAccount account, String what) {
        Unit home = units.findById(account.unitId()).orElseThrow();
        Unit school = units.lineage(home).get(0);
        boolean schoolManager = account.roles().stream()
                .anyMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().id() == school.id());
        if (!schoolManager) {
            throw ProblemException.forbidden(null, "只有学校层级的账号管理员可以" + what + "内容审核词库");
        }
    }

    static Category category(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid("category", "请选择类别：" + ALLOWED_CATEGORIES);
        }
        try {
            Category c = Category.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (TermLists.LIST_CATEGORIES.contains(c)) {
                return c;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw ProblemException.invalid("category", "没有这个词库类别：" + name + "（可选：" + ALLOWED_CATEGORIES + "）");
    }

    private static Severity severity(String value) {
        if (value == null || value.isBlank()) {
            return Severity.BLOCK;
        }
        try {
            return Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("severity", "severity 须为 BLOCK（拦截）或 WARN（提醒）");
        }
    }

    private static String text(String field, String label, String value, int max) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty()) {
            throw ProblemException.invalid(field, "请填写" + label);
        }
        if (s.length() > max) {
            throw ProblemException.invalid(field, label + "不能超过 " + max + " 个字符");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid(field, label + "不能包含换行或控制字符");
        }
        if (TextNormalizer.instance().normalizeTerm(s).isEmpty()) {
            throw ProblemException.invalid(field, label + "不能只有标点或空白");
        }
        return s;
    }

    static String domain(String value) {
        String d = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (d.startsWith("*.")) {
            d = d.substring(2);
        } else if (d.startsWith(".")) {
            d = d.substring(1);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        if (d.isEmpty()) {
            throw ProblemException.invalid("domain", "请填写域名，例如 school.edu.cn");
        }
        if (d.length() > MAX_DOMAIN || !DOMAIN.matcher(d).matches()) {
            throw ProblemException.invalid("domain", "域名格式不正确，例如 school.edu.cn（不含 http:// 和路径）");
        }
        return d;
    }

    private static String target(String value) {
        return value.length() <= 100 ? value : value.substring(0, 99) + "…";
    }

    private static Map<String, Object> withVersion(Map<String, Object> view, long version) {
        Map<String, Object> m = new LinkedHashMap<>(view);
        m.put("version", version);
        return m;
    }

    private static Map<String, Object> valueView(String name, StoredValue v, Long version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put(name, v.value());
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }
}

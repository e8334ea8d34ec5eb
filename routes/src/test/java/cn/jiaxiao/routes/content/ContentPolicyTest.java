package cn.jiaxiao.routes.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.Verdict;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.content.TermListRepository.StoredTerm;
import cn.jiaxiao.routes.content.TermListRepository.StoredValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The school's content lists in PostgreSQL: seeding, editing, permission, audit and reload on every instance. */
class ContentPolicyTest {

    private TestSchool school;
    private TransactionTemplate tx;
    private TermListRepository lists;
    private AdminAuditLog audit;
    private ContentPolicy policy;
    private ContentListService service;
    private StaffAccount affairs;

    @BeforeEach
    void setUp() {
        school = new TestSchool();
        tx = new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource()));
        lists = new TermListRepository(school.jdbc);
        audit = new AdminAuditLog(school.jdbc);
        policy = new ContentPolicy(lists, tx, audit, Set.of("13907451234"));
        service = new ContentListService(lists, policy, school.units, audit, tx);
        affairs = account("affairs");
    }

    @Test
    void theShippedDefaultsAreSeededOnceIntoEmptyTablesAndLoaded() {
        assertThat(lists.version().version()).isZero();
        assertThat(policy.loadedVersion()).isEqualTo(-1);
        assertThat(policy.check("周末一起去賭 博").verdict()).as("defaults before the first load").isEqualTo(Verdict.BLOCK);

        assertThat(policy.seedDefaultsIfEmpty()).isTrue();
        assertThat(policy.seedDefaultsIfEmpty()).isFalse();
        TermLists defaults = TermLists.defaults();
        assertThat(lists.termCount()).isEqualTo((int) defaults.entries().stream()
                .map(e -> e.category() + "/" + e.term()).distinct().count());
        assertThat(lists.whitelist()).hasSize(defaults.whitelist().size());
        assertThat(lists.version().version()).isEqualTo(1);
        assertThat(lists.findTerm("TYPO", "按装")).get().extracting(StoredTerm::suggestion).isEqualTo("安装");
        assertThat(lists.findTerm("OBSCENE_GAMBLING_VIOLENCE", "赌博")).get().extracting(StoredTerm::guarded)
                .isEqualTo(true);

        assertThat(policy.reloadIfChanged()).isTrue();
        assertThat(policy.reloadIfChanged()).as("nothing changed").isFalse();
        assertThat(policy.loadedVersion()).isEqualTo(1);
        assertThat(policy.current().termListsVersion()).isEqualTo("db-1");
        assertThat(policy.current().termCount()).isEqualTo(ContentCheckerCounts.defaults());

        CheckResult r = policy.check("周末一起去賭 博");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        Finding f = r.findings().get(0);
        assertThat(f.category()).isEqualTo(Category.OBSCENE_GAMBLING_VIOLENCE);
        assertThat(f.match()).isEqualTo("賭 博");
        assertThat(policy.check("请家长及时按装安全教育平台").findings())
                .anySatisfy(t -> assertThat(t.suggestion()).isEqualTo("安装"));
        assertThat(policy.check("请告诉孩子远离赌博。").verdict()).isEqualTo(Verdict.PASS);
        assertThat(audit.recent(5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("CONTENT_DEFAULTS_SEEDED"));
    }

    @Test
    void aSchoolThatEmptiedItsListsDoesNotGetTheDefaultsBack() {
        policy.seedDefaultsIfEmpty();
        tx.executeWithoutResult(s -> {
            school.jdbc.update("delete from content_term", Map.of());
            school.jdbc.update("delete from content_whitelist", Map.of());
            lists.bumpVersion();
        });
        assertThat(policy.seedDefaultsIfEmpty()).isFalse();
        policy.reloadIfChanged();
        assertThat(policy.current().termCount()).isZero();
        assertThat(policy.check("周末一起去赌博").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void anEditOnOneInstanceReachesAnotherOnItsNextPoll() {
        policy.seedDefaultsIfEmpty();
        policy.reloadIfChanged();
        ContentPolicy other = new ContentPolicy(lists, tx, null, Set.of());
        other.reloadIfChanged();
        String text = "本周五下午组织学生参加蹦迪活动。";
        assertThat(other.check(text).verdict()).isEqualTo(Verdict.PASS);

        StoredTerm added = service.addTerm(affairs, new NewTerm("negative", "蹦迪", null, null, null));
        assertThat(added.category()).isEqualTo("NEGATIVE");
        assertThat(added.severity()).isEqualTo(Severity.BLOCK);
        assertThat(added.createdBy()).isEqualTo(affairs.id());
        assertThat(policy.check(text).verdict()).as("the editing instance reloads at once").isEqualTo(Verdict.BLOCK);
        assertThat(other.check(text).verdict()).as("not yet polled").isEqualTo(Verdict.PASS);
        assertThat(other.reloadIfChanged()).isTrue();
        CheckResult r = other.check(text);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.category()).isEqualTo(Category.NEGATIVE);
            assertThat(text.substring(f.start(), f.end())).isEqualTo("蹦迪");
        });

        service.removeTerm(affairs, added.id());
        other.reloadIfChanged();
        assertThat(other.check(text).verdict()).isEqualTo(Verdict.PASS);
        assertThat(audit.recent(10)).extracting(AdminAuditLog.Entry::action)
                .contains("CONTENT_TERM_ADDED", "CONTENT_TERM_REMOVED");
        AdminAuditLog.Entry removed = audit.recent(1).get(0);
        assertThat(removed.actor()).isEqualTo("affairs");
        assertThat(removed.target()).isEqualTo("NEGATIVE/蹦迪");
        assertThat(removed.before()).contains("蹦迪");
    }

    @Test
    void checksDuringReloadsAlwaysSeeACompleteChecker() throws Exception {
        policy.seedDefaultsIfEmpty();
        policy.reloadIfChanged();
        ContentPolicy other = new ContentPolicy(lists, tx, null, Set.of());
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        Thread checker = new Thread(() -> {
            while (!stop.get()) {
                if (other.check("周末一起去赌 博").verdict() != Verdict.BLOCK) {
                    wrong.incrementAndGet();
                }
            }
        });
        checker.start();
        try {
            for (int i = 0; i < 5; i++) {
                StoredTerm t = service.addTerm(affairs, NewTerm.of("INSULT", "大笨蛋" + i));
                assertThat(other.reloadIfChanged()).isTrue();
                service.removeTerm(affairs, t.id());
                assertThat(other.reloadIfChanged()).isTrue();
            }
        } finally {
            stop.set(true);
            checker.join();
        }
        assertThat(wrong.get()).isZero();
        assertThat(other.loadedVersion()).isEqualTo(lists.version().version());
    }

    @Test
    void whitelistAndAllowedDomainsTakeEffect() {
        policy.seedDefaultsIfEmpty();
        policy.reloadIfChanged();
        service.addTerm(affairs, NewTerm.of("COMMERCIAL", "抢券"));
        String phrase = "抢券题型讲座";
        assertThat(policy.check("欢迎参加" + phrase + "。").verdict()).isEqualTo(Verdict.BLOCK);
        StoredValue w = service.addWhitelisted(affairs, phrase);
        assertThat(policy.check("欢迎参加" + phrase + "。").findings()).isEmpty();
        assertThat(service.whitelist(affairs)).extracting(StoredValue::value).contains(phrase);
        service.removeWhitelisted(affairs, w.id());
        assertThat(policy.check("欢迎参加" + phrase + "。").verdict()).isEqualTo(Verdict.BLOCK);

        String link = "详见 https://www.myschool.edu.cn/notice/1 。";
        assertThat(policy.check(link).categories()).contains(Category.UNKNOWN_LINK);
        StoredValue d = service.addAllowedDomain(affairs, " *.MySchool.edu.cn ");
        assertThat(d.value()).isEqualTo("myschool.edu.cn");
        assertThat(policy.check(link).categories()).doesNotContain(Category.UNKNOWN_LINK);
        service.removeAllowedDomain(affairs, d.id());
        assertThat(policy.check(link).categories()).contains(Category.UNKNOWN_LINK);
        assertThat(audit.recent(20)).extracting(AdminAuditLog.Entry::action).contains("CONTENT_WHITELIST_ADDED",
                "CONTENT_WHITELIST_REMOVED", "CONTENT_DOMAIN_ADDED", "CONTENT_DOMAIN_REMOVED");
    }

    @Test
    void theSchoolsOwnNumbersAreNoPersonalData() {
        assertThat(policy.check("有事请联系 13907451234。").categories()).doesNotContain(Category.PERSONAL_DATA);
        assertThat(policy.check("有事请联系 13800001111。").categories()).contains(Category.PERSONAL_DATA);
    }

    @Test
    void onlyTheSchoolLevelAccountManagerEditsTheLists() {
        long version = lists.version().version();
        for (String username : List.of("grade7", "teacher71")) {
            StaffAccount other = account(username);
            assertProblem(() -> service.addTerm(other, NewTerm.of("INSULT", "笨蛋")), ProblemException.Kind.FORBIDDEN,
                    null);
            assertProblem(() -> service.addTerm(other, NewTerm.of("NOPE", "笨蛋")), ProblemException.Kind.FORBIDDEN,
                    null);
            assertProblem(() -> service.terms(other, null), ProblemException.Kind.FORBIDDEN, null);
            assertProblem(() -> service.addWhitelisted(other, "路口交通"), ProblemException.Kind.FORBIDDEN, null);
            assertProblem(() -> service.addAllowedDomain(other, "school.edu.cn"), ProblemException.Kind.FORBIDDEN,
                    null);
        }
        assertThat(lists.version().version()).isEqualTo(version);
    }

    @Test
    void badInputNamesTheField() {
        assertProblem(() -> service.addTerm(affairs, NewTerm.of("NOPE", "笨蛋")), ProblemException.Kind.INVALID,
                "category");
        assertProblem(() -> service.addTerm(affairs, NewTerm.of("PERSONAL_DATA", "笨蛋")),
                ProblemException.Kind.INVALID, "category");
        assertProblem(() -> service.addTerm(affairs, NewTerm.of(null, "笨蛋")), ProblemException.Kind.INVALID,
                "category");
        assertProblem(() -> service.addTerm(affairs, NewTerm.of("INSULT", "  ")), ProblemException.Kind.INVALID,
                "term");
        assertProblem(() -> service.addTerm(affairs, NewTerm.of("INSULT", "笨".repeat(101))),
                ProblemException.Kind.INVALID, "term");
        assertProblem(() -> service.addTerm(affairs, NewTerm.of("INSULT", "*-*")), ProblemException.Kind.INVALID,
                "term");
        assertProblem(() -> service.addTerm(affairs, new NewTerm("INSULT", "笨蛋", "MAYBE", null, null)),
                ProblemException.Kind.INVALID, "severity");
        assertProblem(() -> service.addTerm(affairs, NewTerm.of("TYPO", "做业")), ProblemException.Kind.INVALID,
                "suggestion");
        assertProblem(() -> service.addWhitelisted(affairs, ""), ProblemException.Kind.INVALID, "phrase");
        assertProblem(() -> service.addAllowedDomain(affairs, "https://school.edu.cn/x"),
                ProblemException.Kind.INVALID, "domain");
        assertProblem(() -> service.terms(affairs, "nope"), ProblemException.Kind.INVALID, "category");
        assertThat(lists.version().version()).as("nothing changed").isZero();

        service.addTerm(affairs, new NewTerm("typo", "做业", null, null, "作业"));
        assertProblem(() -> service.addTerm(affairs, new NewTerm("TYPO", "做业", null, null, "作业")),
                ProblemException.Kind.CONFLICT, null);
        assertProblem(() -> service.removeTerm(affairs, 999_999), ProblemException.Kind.NOT_FOUND, null);
        assertThat(lists.version().version()).as("only the one addition").isEqualTo(1);
        assertThat(service.terms(affairs, "TYPO")).extracting(StoredTerm::term).containsExactly("做业");
    }

    @Test
    void theSummaryCountsPerCategory() {
        policy.seedDefaultsIfEmpty();
        policy.reloadIfChanged();
        ContentListService.Summary s = service.summary();
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.loadedVersion()).isEqualTo(1);
        assertThat(s.termCount()).isEqualTo(lists.termCount());
        assertThat(s.categories().keySet()).containsExactlyInAnyOrderElementsOf(TermLists.LIST_CATEGORIES);
        assertThat(s.categories().get(Category.TYPO)).isPositive();
    }

    private StaffAccount account(String username) {
        return school.accounts.findByUsername(username).orElseThrow();
    }

    private static void assertProblem(Runnable call, ProblemException.Kind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    /** The shipped lists' term count as the library itself builds them. */
    private static final class ContentCheckerCounts {
        static int defaults() {
            return cn.jiaxiao.filter.ContentChecker.withDefaults().termCount();
        }
    }
}

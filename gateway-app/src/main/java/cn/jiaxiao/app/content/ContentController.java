package cn.jiaxiao.app.content;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.content.ContentListService;
import cn.jiaxiao.routes.content.ContentPolicy;
import cn.jiaxiao.routes.content.NewTerm;
import cn.jiaxiao.routes.content.TermListRepository.StoredTerm;
import cn.jiaxiao.routes.content.TermListRepository.StoredValue;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content check (school-rules §3) for any staff member, and the school's lists behind it for the
 * school-level account manager. List changes reach every instance within the reload period.
 */
@RestController
@RequestMapping("/api/content")
class ContentController {

    static final int MAX_TEXT = 5000;

    private final CurrentAccount current;
    private final ContentPolicy policy;
    private final ContentListService lists;

    ContentController(CurrentAccount current, ContentPolicy policy, ContentListService lists) {
        this.current = current;
        this.policy = policy;
        this.lists = lists;
    }

    /**
     * @param signature           optional SMS signature (示范中学 or 【示范中学】): warns when the text lacks it
     * @param maxSegments         optional: warns when the SMS needs more segments
     * @param individualRecipient optional: the text goes to one student's family (absence alert)
     */
    record CheckRequest(String text, String signature, Integer maxSegments, Boolean individualRecipient) {
    }

    record FindingView(String category, String severity, int start, int end, String match, String rule,
            String suggestion) {
        static FindingView of(Finding f) {
            return new FindingView(f.category().name(), f.severity().name(), f.start(), f.end(), f.match(), f.rule(),
                    f.suggestion());
        }
    }

    record CheckView(String verdict, List<FindingView> findings, String listsVersion) {
    }

    record PhraseRequest(String phrase) {
    }

    record PhraseView(long id, String phrase, Long createdBy, java.time.Instant createdAt) {
        static PhraseView of(StoredValue v) {
            return new PhraseView(v.id(), v.value(), v.createdBy(), v.createdAt());
        }
    }

    record DomainView(long id, String domain, Long createdBy, java.time.Instant createdAt) {
        static DomainView of(StoredValue v) {
            return new DomainView(v.id(), v.value(), v.createdBy(), v.createdAt());
        }
    }

    record DomainRequest(String domain) {
    }

    @PostMapping("/check")
    CheckView check(@RequestBody CheckRequest request) {
        current.get();
        String text = request == null ? null : request.text();
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid("text", "请填写要检查的内容");
        }
        if (text.length() > MAX_TEXT) {
            throw ProblemException.invalid("text", "内容不能超过 " + MAX_TEXT + " 个字符");
        }
        if (request.maxSegments() != null && (request.maxSegments() < 0 || request.maxSegments() > 100)) {
            throw ProblemException.invalid("maxSegments", "maxSegments 须在 0 到 100 之间");
        }
        CheckOptions options = new CheckOptions(signature(request.signature()),
                request.maxSegments() == null ? 0 : request.maxSegments(),
                Boolean.TRUE.equals(request.individualRecipient()));
        var checker = policy.current();
        CheckResult result = checker.check(text, options);
        return new CheckView(result.verdict().name(), result.findings().stream().map(FindingView::of).toList(),
                checker.termListsVersion());
    }

    private static String signature(String signature) {
        if (signature == null || signature.isBlank()) {
            return null;
        }
        String s = signature.strip();
        if (s.length() > 20) {
            throw ProblemException.invalid("signature", "签名不能超过 20 个字符");
        }
        return s.startsWith("【") ? s : "【" + s + "】";
    }

    @GetMapping("/lists")
    ContentListService.Summary summary() {
        current.get();
        return lists.summary();
    }

    @GetMapping("/terms")
    List<StoredTerm> terms(@RequestParam(required = false) String category) {
        return lists.terms(current.get(), category);
    }

    @PostMapping("/terms")
    @ResponseStatus(HttpStatus.CREATED)
    StoredTerm addTerm(@RequestBody NewTerm request) {
        return lists.addTerm(current.get(), request);
    }

    @DeleteMapping("/terms/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeTerm(@PathVariable long id) {
        lists.removeTerm(current.get(), id);
    }

    @GetMapping("/whitelist")
    List<PhraseView> whitelist() {
        return lists.whitelist(current.get()).stream().map(PhraseView::of).toList();
    }

    @PostMapping("/whitelist")
    @ResponseStatus(HttpStatus.CREATED)
    PhraseView addWhitelisted(@RequestBody PhraseRequest request) {
        return PhraseView.of(lists.addWhitelisted(current.get(), request == null ? null : request.phrase()));
    }

    @DeleteMapping("/whitelist/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeWhitelisted(@PathVariable long id) {
        lists.removeWhitelisted(current.get(), id);
    }

    @GetMapping("/allowed-domains")
    List<DomainView> allowedDomains() {
        return lists.allowedDomains(current.get()).stream().map(DomainView::of).toList();
    }

    @PostMapping("/allowed-domains")
    @ResponseStatus(HttpStatus.CREATED)
    DomainView addAllowedDomain(@RequestBody DomainRequest request) {
        return DomainView.of(lists.addAllowedDomain(current.get(), request == null ? null : request.domain()));
    }

    @DeleteMapping("/allowed-domains/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAllowedDomain(@PathVariable long id) {
        lists.removeAllowedDomain(current.get(), id);
    }
}

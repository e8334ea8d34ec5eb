package cn.jiaxiao.app.notice;

import cn.jiaxiao.routes.reply.Confirmations;
import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.audit.AuditEvent;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.delivery.Delivery;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeService;
import cn.jiaxiao.routes.notice.NoticeStatus;
import cn.jiaxiao.routes.workflow.NoticeWorkflow;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices and their workflow. Every transition answers the notice as it now stands; a refused one is a
 * 409 (wrong state) or 403 (wrong person) problem that says why.
 */
@RestController
@RequestMapping("/api/notices")
class NoticeController {

    private static final int MAX_PAGE = 500;

    private final NoticeService notices;
    private final NoticeWorkflow workflow;
    private final OutboundMessageRepository messages;
    private final AuditTrail audit;
    private final NoticeViews views;
    private final CurrentAccount current;
    private final Confirmations confirmations;

    NoticeController(NoticeService notices, NoticeWorkflow workflow, OutboundMessageRepository messages,
            AuditTrail audit, NoticeViews views, CurrentAccount current, Confirmations confirmations) {
        this.notices = notices;
        this.workflow = workflow;
        this.messages = messages;
        this.audit = audit;
        this.views = views;
        this.current = current;
        this.confirmations = confirmations;
    }

    /** Review and approval: an optional comment, and the content hash the decider saw. */
    record Decision(String comment, String contentHash) {
    }

    record Reason(String reason) {
    }

    record Acknowledgement(Boolean acknowledgeWarnings) {
    }

    @PostMapping
    ResponseEntity<NoticeView> create(@RequestBody NoticeRequest request) {
        Notice notice = workflow.create(current.get(), request.toDraft(), request.onlyDraft(),
                request.warningsAcknowledged());
        return ResponseEntity.created(URI.create("/api/notices/" + notice.id())).body(views.of(notice));
    }

    @GetMapping
    List<NoticeView> list(@RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("limit", "limit 须在 1 到 " + MAX_PAGE + " 之间");
        }
        NoticeStatus wanted;
        try {
            wanted = status == null ? null : NoticeStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "未知的状态：" + status);
        }
        return notices.list(current.get(), wanted, limit).stream().map(views::of).toList();
    }

    @GetMapping("/{id}")
    NoticeView get(@PathVariable long id) {
        return views.of(notices.get(current.get(), id));
    }

    @PutMapping("/{id}")
    NoticeView edit(@PathVariable long id, @RequestBody NoticeRequest request) {
        var drafter = current.get();
        notices.get(drafter, id);
        return views.of(workflow.edit(drafter, id, request.toDraft(), request.warningsAcknowledged()));
    }

    @PostMapping("/{id}/submit")
    NoticeView submit(@PathVariable long id, @RequestBody(required = false) Acknowledgement acknowledgement) {
        var drafter = current.get();
        notices.get(drafter, id);
        return views.of(workflow.submit(drafter, id,
                acknowledgement != null && Boolean.TRUE.equals(acknowledgement.acknowledgeWarnings())));
    }

    @PostMapping("/{id}/review")
    NoticeView review(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        var actor = visible(id);
        return views.of(workflow.review(actor, id, comment(decision), hash(decision)));
    }

    @PostMapping("/{id}/approve")
    NoticeView approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        var actor = visible(id);
        return views.of(workflow.approve(actor, id, comment(decision), hash(decision)));
    }

    @PostMapping("/{id}/reject")
    NoticeView reject(@PathVariable long id, @RequestBody(required = false) Reason reason) {
        var actor = visible(id);
        return views.of(workflow.reject(actor, id, reason == null ? null : reason.reason()));
    }

    @PostMapping("/{id}/cancel")
    NoticeView cancel(@PathVariable long id, @RequestBody(required = false) Reason reason) {
        var actor = visible(id);
        return views.of(workflow.cancel(actor, id, reason == null ? null : reason.reason()));
    }

    @PostMapping("/{id}/release")
    NoticeView release(@PathVariable long id) {
        var sender = visible(id);
        return views.of(workflow.release(sender, id));
    }

    @GetMapping("/{id}/audit")
    List<AuditEvent> audit(@PathVariable long id) {
        visible(id);
        return audit.forNotice(id);
    }

    @GetMapping("/{id}/deliveries")
    DeliveryPage deliveries(@PathVariable long id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0) {
            throw ProblemException.invalid("offset", "offset 不能为负数");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalid("limit", "limit 须在 1 到 " + MAX_PAGE + " 之间");
        }
        Notice notice = notices.get(current.get(), id);
        return new DeliveryPage(notice.id(), messages.stats(id).recipients(), offset,
                messages.deliveries(id, offset, limit));
    }

    /** Who has and who has not confirmed a reply-required notice (numbers masked). */
    @GetMapping("/{id}/confirmations")
    Confirmations.Listing confirmations(@PathVariable long id) {
        Notice notice = notices.get(current.get(), id);
        if (!notice.replyRequired()) {
            throw ProblemException.conflict("该通知不需要家长回复确认");
        }
        return confirmations.list(notice);
    }

    /** The reminder template, only to the guardians who have not confirmed; no new approval, audited. */
    @PostMapping("/{id}/remind")
    Confirmations.Reminder remind(@PathVariable long id) {
        var actor = current.get();
        Notice notice = notices.get(actor, id);
        return confirmations.remind(actor, notice);
    }

    record DeliveryPage(long noticeId, int total, int offset, List<Delivery> items) {
    }

    /** Whoever acts on a notice must be able to see it; out of scope it is "not found". */
    private StaffAccount visible(long id) {
        var actor = current.get();
        notices.get(actor, id);
        return actor;
    }

    private static String comment(Decision decision) {
        if (decision == null || decision.comment() == null || decision.comment().isBlank()) {
            return null;
        }
        if (decision.comment().length() > 1000) {
            throw ProblemException.invalid("comment", "意见不能超过 1000 字");
        }
        return decision.comment().strip();
    }

    private static String hash(Decision decision) {
        return decision == null || decision.contentHash() == null || decision.contentHash().isBlank() ? null
                : decision.contentHash().trim();
    }
}

package cn.jiaxiao.app.notice;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.routes.approval.ApprovalService;
import cn.jiaxiao.routes.delivery.Delivery;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeService;
import cn.jiaxiao.provisioning.problem.ProblemException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notices")
class NoticeController {

    private static final int MAX_PAGE = 500;

    private final NoticeService notices;
    private final ApprovalService approvals;
    private final OutboundMessageRepository messages;
    private final NoticeViews views;
    private final CurrentAccount current;

    NoticeController(NoticeService notices, ApprovalService approvals, OutboundMessageRepository messages,
            NoticeViews views, CurrentAccount current) {
        this.notices = notices;
        this.approvals = approvals;
        this.messages = messages;
        this.views = views;
        this.current = current;
    }

    @PostMapping
    ResponseEntity<NoticeView> submit(@RequestBody NoticeRequest request) {
        Notice notice = notices.submit(current.get(), request.toDraft());
        return ResponseEntity.created(URI.create("/api/notices/" + notice.id())).body(views.of(notice));
    }

    @GetMapping("/{id}")
    NoticeView get(@PathVariable long id) {
        return views.of(notices.get(current.get(), id));
    }

    @PostMapping("/{id}/approve")
    NoticeView approve(@PathVariable long id) {
        var actor = current.get();
        notices.get(actor, id); // an approver must be able to see what he approves
        return views.of(approvals.approve(actor, id));
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

    record DeliveryPage(long noticeId, int total, int offset, List<Delivery> items) {
    }
}

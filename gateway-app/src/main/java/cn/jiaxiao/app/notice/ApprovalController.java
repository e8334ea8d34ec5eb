package cn.jiaxiao.app.notice;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.audit.AuditVerification;
import cn.jiaxiao.routes.notice.NoticeService;
import cn.jiaxiao.routes.workflow.ApprovalInbox;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Approvers' inbox, the audit trail's verification, and the archive of sent messages. */
@RestController
@RequestMapping("/api")
class ApprovalController {

    private final CurrentAccount current;
    private final ApprovalInbox inbox;
    private final AuditTrail audit;
    private final NoticeViews views;
    private final NoticeService notices;
    private final NamedParameterJdbcTemplate jdbc;

    ApprovalController(CurrentAccount current, ApprovalInbox inbox, AuditTrail audit, NoticeViews views,
            NoticeService notices, NamedParameterJdbcTemplate jdbc) {
        this.current = current;
        this.inbox = inbox;
        this.audit = audit;
        this.views = views;
        this.notices = notices;
        this.jdbc = jdbc;
    }

    record InboxItem(String waitingFor, NoticeView notice) {
    }

    record Inbox(List<InboxItem> toDecide, List<NoticeView> toRelease) {
    }

    record Verification(boolean intact, long rowsChecked, Long firstBrokenId, String message) {
    }

    @GetMapping("/approvals/inbox")
    Inbox inbox() {
        var actor = current.get();
        return new Inbox(
                inbox.toDecide(actor).stream()
                        .map(item -> new InboxItem(item.step().action().name(), views.of(item.notice()))).toList(),
                inbox.toRelease(actor).stream().map(views::of).toList());
    }

    /** Walks the whole audit chain: a row changed, removed or slipped in by hand shows here. */
    @GetMapping("/audit/verify")
    Verification verify() {
        var reader = current.get();
        if (!reader.holds(Role.PRINCIPAL) && !reader.holds(Role.STUDENT_AFFAIRS_HEAD)
                && !reader.holds(Role.ACCOUNT_MANAGER)) {
            throw ProblemException.forbidden(null, "只有校领导、学生处或账号管理员可以校验审计链");
        }
        AuditVerification result = audit.verify();
        return new Verification(result.intact(), result.rowsChecked(), result.firstBrokenId(), result.message());
    }

    /** One sent message with who drafted, reviewed and approved it, and when (谁审批,谁负责). */
    @GetMapping("/archive/messages/{id}")
    Map<String, Object> archived(@PathVariable long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from sent_message_archive where message_id = :id",
                Map.of("id", id));
        if (rows.isEmpty()) {
            throw ProblemException.notFound("消息不存在或不在您的管理范围内");
        }
        notices.get(current.get(), ((Number) rows.get(0).get("notice_id")).longValue());
        return rows.get(0);
    }
}

package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.routes.audit.AuditTrail;
import cn.jiaxiao.routes.notice.NoticeRepository;

/**
 * Closes a sending notice once none of its messages waits to be submitted, and records it in the audit
 * trail. Must run inside the caller's transaction.
 */
public class NoticeCompletion {

    private final NoticeRepository notices;
    private final AuditTrail audit;

    public NoticeCompletion(NoticeRepository notices, AuditTrail audit) {
        this.notices = notices;
        this.audit = audit;
    }

    public void completeIfDone(long noticeId) {
        notices.finishIfAllSubmitted(noticeId)
                .ifPresent(status -> audit.append(noticeId, status.name(), null, null, null, null));
    }
}

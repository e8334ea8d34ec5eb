package cn.jiaxiao.routes.notice;

/** The life of a notice, from drafting to the last message leaving the gateway. */
public enum NoticeStatus {
    DRAFT,
    PENDING_REVIEW,
    PENDING_APPROVAL,
    APPROVED,
    SCHEDULED,
    SENDING,
    SENT,
    PARTIALLY_FAILED,
    REJECTED,
    CANCELLED
}

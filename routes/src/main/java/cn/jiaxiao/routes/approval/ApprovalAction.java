package cn.jiaxiao.routes.approval;

public enum ApprovalAction {
    /** 审核: a reviewer checks content before the approver decides. */
    REVIEW,
    /** 审批: the approver takes responsibility (谁审批,谁负责). */
    APPROVE,
    /** 登记备案: student affairs registers an approved department request before it may be sent. */
    REGISTER
}

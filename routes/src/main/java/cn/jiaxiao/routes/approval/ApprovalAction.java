package cn.jiaxiao.routes.approval;

public enum ApprovalAction {
    /** 审核: a reviewer checks content before the approver decides. */
    REVIEW("审核"),
    /** 审批: the approver takes responsibility (谁审批,谁负责). */
    APPROVE("审批"),
    /** 登记备案: student affairs registers an approved department request before it may be sent. */
    REGISTER("登记备案");

    private final String label;

    ApprovalAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package cn.jiaxiao.templates.model;

/** Where a guardian's leave request stands when they are told about it. */
public enum LeaveStatus {
    RECEIVED("已收到"),
    APPROVED("已批准"),
    NOT_APPROVED("未获批准");

    private final String text;

    LeaveStatus(String text) {
        this.text = text;
    }

    /** The status as a message says it: {@code 已批准}. */
    public String text() {
        return text;
    }
}

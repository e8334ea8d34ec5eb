package cn.jiaxiao.filter;

/** How a finding affects submission: BLOCK stops it, WARN shows it to the approver. */
public enum Severity {
    WARN,
    BLOCK
}

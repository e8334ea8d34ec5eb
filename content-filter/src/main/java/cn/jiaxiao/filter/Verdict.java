package cn.jiaxiao.filter;

public enum Verdict {
    PASS,
    WARN,
    BLOCK
}

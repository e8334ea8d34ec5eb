package cn.jiaxiao.routes.notice;

public enum Channel {
    SMS
}

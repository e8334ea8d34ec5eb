package cn.jiaxiao.routes.smpp;

/** A mobile-originated SMS as received: the sender's number, the service number (with extension) it was sent to. */
public record InboundSms(String connection, String source, String destination, String text) {
}

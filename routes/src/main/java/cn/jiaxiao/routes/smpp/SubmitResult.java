package cn.jiaxiao.routes.smpp;

/** An SMSC's acceptance of one submit_sm: which connection took it and the message id it gave. */
public record SubmitResult(String connection, String messageId) {
}

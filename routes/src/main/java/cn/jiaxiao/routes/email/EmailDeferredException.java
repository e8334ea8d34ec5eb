package cn.jiaxiao.routes.email;

/** The mail server could not take some messages of a batch now: the broker delivers the batch again later. */
public class EmailDeferredException extends Exception {

    public EmailDeferredException(String message) {
        super(message);
    }
}

package cn.jiaxiao.routes.smpp;

/**
 * A mobile-originated SMS as received: the sender's number, the service number (with extension) it was
 * sent to. When {@code part} is set this is one part of a concatenated message, still to be reassembled,
 * and {@code text} is null.
 */
public record InboundSms(String connection, String source, String destination, String text, MoPart part) {

    public InboundSms(String connection, String source, String destination, String text) {
        this(connection, source, destination, text, null);
    }

    public static InboundSms part(String connection, String source, String destination, MoPart part) {
        return new InboundSms(connection, source, destination, null, part);
    }
}

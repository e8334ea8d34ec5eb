package cn.jiaxiao.routes.email;

/**
 * A mail server's report that a message of ours did not arrive.
 *
 * @param verpMessageId      the outbox id in the address the bounce was sent to ({@code bounces+{id}@...}), or null
 * @param originalMessageId  the Message-ID of the returned message, as quoted in the report, or null
 * @param headerMessageId    the {@code X-Jiaxiao-Message-Id} of the returned message, or null
 * @param status             the enhanced status code (RFC 3463), e.g. {@code 5.1.1}, or null
 * @param diagnostic         the remote server's words (addresses masked), or null
 */
public record Bounce(Long verpMessageId, String originalMessageId, Long headerMessageId, String status,
        String diagnostic) {

    /** What the outbox records as the message's error. */
    public String reason() {
        StringBuilder reason = new StringBuilder("bounced: ");
        if (status != null) {
            reason.append(status);
        }
        if (diagnostic != null) {
            if (status != null) {
                reason.append(' ');
            }
            reason.append(diagnostic);
        }
        if (status == null && diagnostic == null) {
            reason.append("undelivered");
        }
        return reason.length() <= 200 ? reason.toString() : reason.substring(0, 200);
    }
}

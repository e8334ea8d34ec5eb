package cn.jiaxiao.routes.delivery;

/**
 * An e-mail or push message a sender holds the lease on.
 *
 * @param address    the e-mail address, or for a push the subscription id as text
 * @param subject    the e-mail subject or push title
 * @param payloadJson the push data (JSON object), or e-mail extras; may be null
 * @param targetId   the push subscription, or null
 * @param mandatory  an emergency or attendance message: never unsubscribable, never held back
 */
public record ChannelMessage(long id, long noticeId, String channel, Long guardianId, String address, String subject,
        String body, String html, String payloadJson, Long targetId, int attempts, String noticeKind,
        boolean mandatory) {
}

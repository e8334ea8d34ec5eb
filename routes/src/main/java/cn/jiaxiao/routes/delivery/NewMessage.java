package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import java.time.Instant;

/**
 * A rendered message for one recipient on one channel, before it is stored.
 *
 * @param address    where it goes: a number in E.164 form, an e-mail address, or a push subscription's id
 *                   (stored encrypted, with a keyed hash)
 * @param masked     the address as lists and logs show it
 * @param segments   SMS parts the text takes; 0 on other channels
 * @param notBefore  not sent before this time (quiet hours, fallback); null: at once
 */
public record NewMessage(long noticeId, String channel, Long guardianId, Long staffId, String address, String masked,
        String body, int segments, ChannelContent content, Instant notBefore, Long fallbackOf) {

    /** What only some channels carry: an e-mail's subject and HTML, a push's title, data and subscription. */
    public record ChannelContent(String subject, String html, String payloadJson, Long targetId) {
        public static final ChannelContent NONE = new ChannelContent(null, null, null, null);
    }

    public NewMessage(long noticeId, String channel, Long guardianId, Long staffId, MobileNumber recipient,
            String body, int segments) {
        this(noticeId, channel, guardianId, staffId, recipient.e164(), recipient.masked(), body, segments,
                ChannelContent.NONE, null, null);
    }

    public NewMessage notBefore(Instant time) {
        return new NewMessage(noticeId, channel, guardianId, staffId, address, masked, body, segments, content, time,
                fallbackOf);
    }
}

package cn.jiaxiao.templates.render;

import java.util.Map;

/** One recipient's message on one channel, ready to hand to the channel's sender. */
public sealed interface RenderedMessage {

    TemplateChannel channel();

    /** Plain text, 【signature】 first. */
    record Sms(String text) implements RenderedMessage {
        @Override
        public TemplateChannel channel() {
            return TemplateChannel.SMS;
        }
    }

    /** Send as multipart/alternative: the HTML and its plain-text twin. */
    record Email(String subject, String html, String text) implements RenderedMessage {
        @Override
        public TemplateChannel channel() {
            return TemplateChannel.EMAIL;
        }
    }

    /** @param data string values only, as push services require: noticeId, kind, replyRequired, url */
    record Push(String title, String body, Map<String, String> data) implements RenderedMessage {
        public Push {
            data = Map.copyOf(data);
        }

        @Override
        public TemplateChannel channel() {
            return TemplateChannel.PUSH;
        }
    }
}

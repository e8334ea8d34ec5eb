package cn.jiaxiao.templates.preview;

import cn.jiaxiao.templates.render.RenderedMessage;

/** One sample recipient's message on every channel, for the drafter to check before submitting. */
public record NoticePreview(SmsPreview sms, RenderedMessage.Email email, RenderedMessage.Push push) {
}

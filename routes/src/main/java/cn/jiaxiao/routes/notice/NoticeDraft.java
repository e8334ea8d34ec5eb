package cn.jiaxiao.routes.notice;

import cn.jiaxiao.templates.render.TemplateKind;
import java.util.List;

/** What a drafter asks to send, validated. */
public record NoticeDraft(String title, String body, TemplateKind kind, Audience audience, List<Channel> channels) {

    public NoticeDraft {
        channels = List.copyOf(channels);
    }
}

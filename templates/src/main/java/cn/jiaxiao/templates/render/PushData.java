package cn.jiaxiao.templates.render;

import cn.jiaxiao.templates.model.NoticeModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data payload of a push: built in code, not from a template, since the app parses it and a school
 * override must not be able to break that contract.
 */
final class PushData {

    private PushData() {
    }

    static Map<String, String> of(NoticeModel notice) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("noticeId", Long.toString(notice.noticeId()));
        data.put("kind", notice.kind().name());
        data.put("replyRequired", Boolean.toString(notice.replyRequired()));
        if (notice.replyRequired()) {
            data.put("replyInstruction", notice.replyInstruction());
        }
        if (!notice.links().isEmpty()) {
            data.put("url", notice.links().get(0).url());
        }
        return data;
    }
}

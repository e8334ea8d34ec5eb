package cn.jiaxiao.routes.workflow;

import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.notice.NoticeDraft;

/** The shape of a notice, before anything else is checked; each refusal names its field. */
final class NoticeValidator {

    static final int MAX_TITLE = 100;
    static final int MAX_BODY = 2000;
    static final int MAX_REASON = 1000;

    private NoticeValidator() {
    }

    static void validate(NoticeDraft draft) {
        if (draft.title() == null || draft.title().isBlank()) {
            throw ProblemException.invalid("title", "请填写通知标题");
        }
        if (draft.title().length() > MAX_TITLE) {
            throw ProblemException.invalid("title", "通知标题不能超过 " + MAX_TITLE + " 个字");
        }
        if (draft.body() == null || draft.body().isBlank()) {
            throw ProblemException.invalid("body", "请填写通知正文");
        }
        if (draft.body().length() > MAX_BODY) {
            throw ProblemException.invalid("body", "通知正文不能超过 " + MAX_BODY + " 个字");
        }
        if (draft.channels().isEmpty()) {
            throw ProblemException.invalid("channels", "请至少选择一个发送渠道");
        }
        if (draft.requestReason() != null && (draft.requestReason().isBlank()
                || draft.requestReason().length() > MAX_REASON)) {
            throw ProblemException.invalid("requestReason", "书面申请须写明理由（不超过 " + MAX_REASON + " 字）");
        }
    }

    static String reason(String field, String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(field, "请填写理由");
        }
        if (reason.length() > MAX_REASON) {
            throw ProblemException.invalid(field, "理由不能超过 " + MAX_REASON + " 字");
        }
        return reason.strip();
    }
}

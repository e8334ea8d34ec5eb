package cn.jiaxiao.templates.model;

import cn.jiaxiao.templates.render.TemplateKind;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a notice says, the same for every recipient. Recipient-specific wording (salutation, children)
 * comes from {@link RecipientModel}; the variables both give a template are listed in
 * {@link TemplateVariables}.
 *
 * @param noticeId         the gateway's notice id; the push payload carries it so the app can open the notice
 * @param kind             which templates render it
 * @param title            {@code 家长会通知}; shown in e-mail and push, not in SMS (kept short there)
 * @param body             the drafter's text, as written: never escaped except in HTML
 * @param signature        the SMS signature registered with the carrier, without brackets: {@code 示范中学}
 * @param schoolName       the school's full name, for e-mail: {@code 示范中学}
 * @param senderName       who sends it, for sign-offs: {@code 七年级1班班主任}; may be empty
 * @param replyRequired    whether the recipient is asked to reply
 * @param replyInstruction what to reply, without {@code 请} and final punctuation: {@code 回复1确认收到};
 *                         empty when no reply is required
 * @param sendTime         when it goes out, shown in e-mail; null when not known yet
 * @param links            links shown under the notice; may be empty
 * @param details          what the kind adds: exam dates, leave status...
 */
public record NoticeModel(long noticeId, TemplateKind kind, String title, String body, String signature,
        String schoolName, String senderName, boolean replyRequired, String replyInstruction,
        LocalDateTime sendTime, List<Link> links, NoticeDetails details) {

    /** What most notices ask for when they want a reply. */
    public static final String DEFAULT_REPLY_INSTRUCTION = "回复1确认收到";

    public NoticeModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        Objects.requireNonNull(signature, "signature");
        schoolName = schoolName == null ? signature : schoolName;
        senderName = senderName == null ? "" : senderName;
        // Templates add 请 and the full stop themselves, so a stored 回复1确认收到。 doesn't print twice.
        replyInstruction = !replyRequired ? ""
                : replyInstruction == null || replyInstruction.isBlank() ? DEFAULT_REPLY_INSTRUCTION
                : replyInstruction.strip().replaceFirst("^请", "").replaceFirst("[。.!！]+$", "");
        links = links == null ? List.of() : List.copyOf(links);
        details = details == null ? new NoticeDetails.None() : details;
        if (!details.kinds().contains(kind)) {
            throw new IllegalArgumentException(details.getClass().getSimpleName() + " do not belong to a " + kind
                    + " notice");
        }
    }

    public static Builder builder(TemplateKind kind) {
        return new Builder(kind);
    }

    /** For callers that set a few of the many optional fields. */
    public static final class Builder {
        private final TemplateKind kind;
        private long noticeId;
        private String title = "";
        private String body = "";
        private String signature;
        private String schoolName;
        private String senderName;
        private boolean replyRequired;
        private String replyInstruction;
        private LocalDateTime sendTime;
        private List<Link> links = List.of();
        private NoticeDetails details;

        private Builder(TemplateKind kind) {
            this.kind = kind;
        }

        public Builder noticeId(long noticeId) {
            this.noticeId = noticeId;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder signature(String signature) {
            this.signature = signature;
            return this;
        }

        public Builder schoolName(String schoolName) {
            this.schoolName = schoolName;
            return this;
        }

        public Builder senderName(String senderName) {
            this.senderName = senderName;
            return this;
        }

        /** Asks for a reply; a null or blank instruction means {@link NoticeModel#DEFAULT_REPLY_INSTRUCTION}. */
        public Builder replyRequired(String instruction) {
            this.replyRequired = true;
            this.replyInstruction = instruction;
            return this;
        }

        public Builder sendTime(LocalDateTime sendTime) {
            this.sendTime = sendTime;
            return this;
        }

        public Builder links(List<Link> links) {
            this.links = links;
            return this;
        }

        public Builder details(NoticeDetails details) {
            this.details = details;
            return this;
        }

        public NoticeModel build() {
            return new NoticeModel(noticeId, kind, title, body, signature, schoolName, senderName, replyRequired,
                    replyInstruction, sendTime, links, details);
        }
    }
}

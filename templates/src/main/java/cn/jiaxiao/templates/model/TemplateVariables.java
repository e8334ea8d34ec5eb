package cn.jiaxiao.templates.model;

import cn.jiaxiao.templates.render.TemplateKind;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a template may use: the documented contract between templates (built-in or a school's
 * override) and the gateway. Every variable is always present; an optional one is an empty string or
 * list, so templates test it with {@code ?has_content}, never with {@code ??}.
 *
 * <p>Every kind:
 * <ul>
 * <li>{@code signature} SMS signature without brackets; {@code schoolName}; {@code senderName} (may be empty)
 * <li>{@code salutation} {@code 张三、李四家长} or {@code 王芳老师}, without {@code 您好}
 * <li>{@code children} list of {@code {name, className}}; {@code childNames} {@code 张三、李四};
 *     {@code classNames} {@code 七年级1班、八年级2班}; {@code childrenWithClasses} {@code 张三（七年级1班）、李四（八年级2班）}
 *     (empty for staff)
 * <li>{@code noticeId} number; {@code kind} e.g. {@code ABSENCE}; {@code title}; {@code body} (may be empty)
 * <li>{@code replyRequired} boolean; {@code replyInstruction} {@code 回复1确认收到} without 请 and full stop,
 *     empty when no reply is required
 * <li>{@code sendTime} {@code 5月12日 14:30}, may be empty; {@code links} list of {@code {label, url}}
 * </ul>
 * Each kind adds:
 * <ul>
 * <li>EXAM_SCHEDULE: {@code examName}, {@code examPeriod}
 * <li>SCHEDULE_CHANGE: {@code eventDate}
 * <li>ABSENCE: {@code absenceDate}, {@code absencePeriod} (may be empty)
 * <li>LEAVE_CONFIRMATION: {@code leaveStatus} ({@code RECEIVED}, {@code APPROVED}, {@code NOT_APPROVED}),
 *     {@code leaveStatusText} ({@code 已收到}...), {@code leavePeriod}, {@code decisionNote} (may be empty)
 * <li>REPLY_REMINDER: {@code originalTitle}, {@code originalSendTime}
 * <li>APPROVAL_REQUEST: {@code drafterName}, {@code audienceSummary}, {@code recipientCount} (number)
 * </ul>
 */
public final class TemplateVariables {

    public static final List<String> COMMON = List.of("signature", "schoolName", "senderName", "salutation",
            "children", "childNames", "classNames", "childrenWithClasses", "noticeId", "kind", "title", "body",
            "replyRequired", "replyInstruction", "sendTime", "links");

    private static final Map<TemplateKind, List<String>> BY_KIND = Map.of(
            TemplateKind.GENERAL, List.of(),
            TemplateKind.EMERGENCY, List.of(),
            TemplateKind.EXAM_SCHEDULE, List.of("examName", "examPeriod"),
            TemplateKind.SCHEDULE_CHANGE, List.of("eventDate"),
            TemplateKind.ABSENCE, List.of("absenceDate", "absencePeriod"),
            TemplateKind.LEAVE_CONFIRMATION, List.of("leaveStatus", "leaveStatusText", "leavePeriod", "decisionNote"),
            TemplateKind.REPLY_REMINDER, List.of("originalTitle", "originalSendTime"),
            TemplateKind.APPROVAL_REQUEST, List.of("drafterName", "audienceSummary", "recipientCount"));

    private static final DateTimeFormatter SEND_TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private TemplateVariables() {
    }

    /** The top-level names a template of this kind may use; anything else is refused in an override. */
    public static Set<String> allowed(TemplateKind kind) {
        Set<String> names = new LinkedHashSet<>(COMMON);
        names.addAll(BY_KIND.get(kind));
        return names;
    }

    /** The data model of one message: plain strings, numbers, booleans, lists and maps only. */
    public static Map<String, Object> of(NoticeModel notice, RecipientModel recipient) {
        return forNotice(notice).with(recipient);
    }

    /**
     * The variables of a notice, worked out once for all its recipients: a district's notice renders 100,000
     * messages that differ only in their recipient.
     */
    public static OfNotice forNotice(NoticeModel notice) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("signature", notice.signature());
        model.put("schoolName", notice.schoolName());
        model.put("senderName", notice.senderName());
        // The recipient's variables keep their place in the order, filled in per message.
        for (String name : RECIPIENT) {
            model.put(name, null);
        }
        model.put("noticeId", notice.noticeId());
        model.put("kind", notice.kind().name());
        model.put("title", notice.title());
        model.put("body", notice.body());
        model.put("replyRequired", notice.replyRequired());
        model.put("replyInstruction", notice.replyInstruction());
        model.put("sendTime", format(notice.sendTime()));
        model.put("links", notice.links().stream().map(link -> Map.of("label", link.label(), "url", link.url()))
                .toList());
        model.putAll(notice.details().variables());
        return new OfNotice(model);
    }

    private static final List<String> RECIPIENT = List.of("salutation", "children", "childNames", "classNames",
            "childrenWithClasses");

    /** A notice's variables, to complete with each recipient's. Immutable, so shared across threads. */
    public static final class OfNotice {

        private final Map<String, Object> notice;

        private OfNotice(Map<String, Object> notice) {
            this.notice = notice;
        }

        public Map<String, Object> with(RecipientModel recipient) {
            Map<String, Object> model = new LinkedHashMap<>(notice);
            model.put("salutation", recipient.salutation());
            model.put("children", recipient.children().stream()
                    .map(child -> Map.of("name", child.name(), "className", child.className())).toList());
            model.put("childNames", recipient.childNames());
            model.put("classNames", recipient.classNames());
            model.put("childrenWithClasses", recipient.childrenWithClasses());
            return model;
        }
    }

    private static String format(LocalDateTime time) {
        return time == null ? "" : SEND_TIME.format(time);
    }
}

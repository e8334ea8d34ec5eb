package cn.jiaxiao.routes.settings;

import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.schedule.QuietHours;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Quiet hours as the school edits them and as they are stored: times written {@code HH:mm}, read in the school's
 * time zone. {@code enabled} may be left out (on).
 */
public record QuietHoursSetting(Boolean enabled, String start, String end) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    public static QuietHoursSetting of(QuietHours hours) {
        return new QuietHoursSetting(hours.enabled(), HH_MM.format(hours.start()), HH_MM.format(hours.end()));
    }

    /**
     * @throws ProblemException naming {@code start} or {@code end} when a time is missing or not {@code HH:mm}
     *                          (400), or when both are the same (422: the window would be empty)
     */
    public QuietHours in(ZoneId zone) {
        LocalTime from = time("start", "开始时间", start);
        LocalTime to = time("end", "结束时间", end);
        if (from.equals(to)) {
            throw ProblemException.unprocessable("end", "结束时间不能与开始时间相同");
        }
        return new QuietHours(enabled == null || enabled, from, to, zone);
    }

    private static LocalTime time(String field, String label, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "请填写" + label + "（HH:mm，例如 22:00）");
        }
        try {
            return LocalTime.parse(text.strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, label + "须为 HH:mm 格式的时间（00:00–23:59），例如 22:00");
        }
    }
}

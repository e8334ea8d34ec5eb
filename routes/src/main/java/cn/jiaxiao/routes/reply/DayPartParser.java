package cn.jiaxiao.routes.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the part of the day a leave covers: 上午/早上/早晨/上半天 → morning, 下午/下半天 → afternoon,
 * 全天/整天/全日 → full day, nothing → full day. Morning and afternoon together are the full day; 半天
 * without saying which half, or a full day and a half day together, are unclear.
 */
final class DayPartParser {

    private static final Pattern PART = Pattern.compile(
            "上午半天|下午半天|上半天|下半天|上午|早上|早晨|下午|一整天|全天|整天|全日|半天");

    /**
     * @param part the part, or null when unclear
     * @param halfDay true when a half day was asked for (上午, 下午 or 半天), so the range must be one day
     * @param spans where the words stand, as [start, end) pairs, to take them out of the reason
     */
    record Result(DayPart part, boolean halfDay, List<int[]> spans) {
    }

    private DayPartParser() {
    }

    /**
     * @param halfDayKeyword the leave keyword itself asked for half a day (请半天假)
     */
    static Result parse(String text, boolean halfDayKeyword) {
        boolean morning = false;
        boolean afternoon = false;
        boolean fullDay = false;
        boolean unspecifiedHalf = halfDayKeyword;
        List<int[]> spans = new ArrayList<>();
        Matcher m = PART.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            String word = m.group();
            if (word.startsWith("上") || word.startsWith("早")) {
                morning = true;
            } else if (word.startsWith("下")) {
                afternoon = true;
            } else if (word.equals("半天")) {
                unspecifiedHalf = true;
            } else {
                fullDay = true;
            }
        }
        boolean halfDay = morning || afternoon || unspecifiedHalf;
        DayPart part;
        if (fullDay && halfDay) {
            part = null;
        } else if (morning && afternoon) {
            return new Result(DayPart.FULL_DAY, false, spans);
        } else if (morning) {
            part = DayPart.MORNING;
        } else if (afternoon) {
            part = DayPart.AFTERNOON;
        } else if (unspecifiedHalf) {
            part = null;
        } else {
            part = DayPart.FULL_DAY;
        }
        return new Result(part, halfDay, spans);
    }
}

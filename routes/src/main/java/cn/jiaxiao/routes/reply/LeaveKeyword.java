package cn.jiaxiao.routes.reply;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the word that makes a reply a leave request: 请假, 请个假, 请两天假, 请病假, 病假/事假, or the pinyin
 * initials qj as a word of its own. A reply without one is not read as a leave request at all: "张三明天
 * 发烧不能来" goes to the teacher's inbox as it is.
 *
 * <p>Also reads a length stated with the keyword (请两天假, 请假3天, 请半天假), and refuses replies that
 * ask about leave or take it back rather than request it.
 */
final class LeaveKeyword {

    /** Expects text whose day counts are already digits ({@link ChineseNumerals}). */
    private static final Pattern KEYWORD = Pattern.compile(
            "请(?:个|半天|\\d{1,2}天)?[病事]?假|(?<![a-z])qj(?![a-z])|[病事]假");
    private static final Pattern LENGTH_AFTER = Pattern.compile("\\s?:?\\s?(半天|(\\d{1,2})天)");
    private static final Pattern LENGTH_INSIDE = Pattern.compile("(\\d{1,2})天");

    /** A question about leave, not a request: 可以请假吗, 怎么请假, 请假要什么手续?. */
    private static final Pattern QUESTION = Pattern.compile(
            "[?]|吗|么|呢|能否|可否|是否|能不能|可不可以|可以不|行不行|如何|怎样|咋|手续");
    /** Taking a leave back, or saying there is none: 不用请假了, 取消明天的请假, 没请假. */
    private static final Pattern WITHDRAWN = Pattern.compile("取消|撤销|撤回|销假|作废");
    private static final Pattern NEGATED_BEFORE = Pattern.compile(
            "(?:不|没|别|未|无需|无须|不用|不必|不需要|没有)\\s?(?:要|用|需要|想|再|必)?\\s?$");

    /**
     * @param start where the keyword starts
     * @param end where the keyword, and a length stated right after it, ends
     * @param days the length stated with the keyword (请两天假, 请假3天), or 0
     * @param halfDay true for 请半天假 / 请假半天
     * @param kind "病假" or "事假" when the keyword says which, else ""
     */
    record Match(int start, int end, int days, boolean halfDay, String kind) {
    }

    private LeaveKeyword() {
    }

    /** The keyword of a leave request, or empty when the text is not one (none, a question, withdrawn). */
    static Optional<Match> find(String text) {
        Matcher m = KEYWORD.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        if (QUESTION.matcher(text).find() || WITHDRAWN.matcher(text).find()
                || NEGATED_BEFORE.matcher(text.substring(0, m.start())).find()) {
            return Optional.empty();
        }
        String word = m.group();
        int end = m.end();
        int days = 0;
        boolean halfDay = word.contains("半天");
        Matcher inside = LENGTH_INSIDE.matcher(word);
        if (inside.find()) {
            days = Integer.parseInt(inside.group(1));
        }
        Matcher after = LENGTH_AFTER.matcher(text).region(end, text.length());
        if (after.lookingAt()) {
            if (after.group(2) != null) {
                days = days == 0 ? Integer.parseInt(after.group(2)) : days;
            } else {
                halfDay = true;
            }
            end = after.end();
        }
        String kind = word.contains("病") ? "病假" : word.contains("事") ? "事假" : "";
        return Optional.of(new Match(m.start(), end, days, halfDay, kind));
    }
}

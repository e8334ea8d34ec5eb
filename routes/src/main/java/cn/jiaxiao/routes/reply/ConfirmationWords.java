package cn.jiaxiao.routes.reply;

import java.util.List;
import java.util.Set;

/**
 * Decides whether a reply confirms receipt of a notice.
 *
 * <p>Only whole replies from a closed list count: the reply, without spaces and punctuation, must be one
 * of {@link #WORDS}, optionally after a greeting to the teacher and before a thank-you. Nothing is
 * matched as a prefix or substring, because the words that confirm also start replies that do not:
 * "1号请假" (a leave), "不好" (a refusal), "收到了吗？" (a question), "好的，明天不能参加" (a remark).
 * An emoji alone (👍) is not a confirmation: emoji are dropped by {@link ReplyText}, which leaves nothing.
 */
final class ConfirmationWords {

    /** The accepted confirmations, in the compact form of {@link ReplyText#compact}. */
    static final Set<String> WORDS = Set.of(
            "1", "ok", "okay", "好", "好的", "好滴", "确认", "已确认", "收到", "收到了", "已收到", "确认收到",
            "收到确认", "好的收到", "收到好的", "已阅", "阅", "已读", "知道了", "知悉", "已知悉", "明白", "明白了");

    /** A greeting before the confirmation ("老师好，收到"). */
    private static final List<String> GREETINGS = List.of("老师您好", "老师好", "您好", "你好", "老师");

    /** A thank-you after the confirmation ("收到，谢谢老师！"), longest first. */
    private static final List<String> THANKS = List.of(
            "谢谢老师", "谢谢您", "老师辛苦了", "辛苦了", "谢谢", "老师");

    private ConfirmationWords() {
    }

    /** @param compact the reply in {@link ReplyText#compact} form */
    static boolean isConfirmation(String compact) {
        if (GREETINGS.contains(compact)) {
            return false; // 老师好 greets; the question usually follows in the next SMS
        }
        String word = stripFirst(compact, GREETINGS, true);
        word = stripFirst(word, THANKS, false);
        return WORDS.contains(word);
    }

    private static String stripFirst(String s, List<String> affixes, boolean prefix) {
        for (String affix : affixes) {
            if (s.length() > affix.length() && (prefix ? s.startsWith(affix) : s.endsWith(affix))) {
                return prefix ? s.substring(affix.length()) : s.substring(0, s.length() - affix.length());
            }
        }
        return s;
    }
}

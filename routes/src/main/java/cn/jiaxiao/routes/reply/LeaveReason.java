package cn.jiaxiao.routes.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what is left of a leave request, once keyword, dates, day part and name are blanked out, into the
 * reason: 发烧, 看病, 家里有事. Greetings, words for "my child", "because" and the glue around dates
 * (从, 起, 开始) are dropped at the ends of each remaining word; what stays is kept as the parent wrote it,
 * words separated by one space.
 */
final class LeaveReason {

    /** Dropped at the start of a word, longest first where one is the start of another. */
    private static final List<String> LEADING = List.of(
            "老师您好", "老师好", "您好", "你好", "向老师", "跟老师", "和老师", "老师", "我家孩子", "我家小孩", "我的孩子",
            "我孩子", "我家", "孩子", "小孩", "我儿子", "我女儿", "儿子", "女儿", "原因是", "原因", "因为", "由于", "事由",
            "理由", "因", "麻烦老师", "麻烦您", "麻烦", "申请", "需要", "要", "想", "从", "开始", "起", "和", "的");
    /** Dropped at the end of a word. */
    private static final List<String> TRAILING = List.of(
            "谢谢老师", "谢谢您", "谢谢", "多谢", "麻烦老师了", "麻烦您了", "麻烦了", "老师", "一下", "开始", "起", "了", "的", "和");

    private LeaveReason() {
    }

    /** The words of the reason, cleaned, in text order; empty ones left out. */
    static List<String> words(String leftover) {
        List<String> words = new ArrayList<>();
        for (String word : leftover.split(" ")) {
            String cleaned = clean(word);
            if (!cleaned.isEmpty()) {
                words.add(cleaned);
            }
        }
        return words;
    }

    private static String clean(String word) {
        String previous;
        String s = ReplyText.stripEnds(word);
        do {
            previous = s;
            s = strip(s, LEADING, true);
            s = strip(s, TRAILING, false);
            s = ReplyText.stripEnds(s);
        } while (!s.equals(previous));
        return s;
    }

    private static String strip(String s, List<String> affixes, boolean leading) {
        for (String affix : affixes) {
            if (leading ? s.startsWith(affix) : s.endsWith(affix)) {
                return leading ? s.substring(affix.length()) : s.substring(0, s.length() - affix.length());
            }
        }
        return s;
    }
}

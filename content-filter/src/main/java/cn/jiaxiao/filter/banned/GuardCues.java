package cn.jiaxiao.filter.banned;

import java.util.List;

/**
 * Recognises safety-education framing around a guarded term: 远离赌博, 严禁学生参与赌博, 毒品的危害, 禁毒.
 * Only the clause that holds the term counts, so "不要告诉老师，一起赌博" is still caught.
 */
final class GuardCues {

    private static final List<String> BEFORE = List.of("远离", "拒绝", "严禁", "禁止", "不要", "不准", "不得", "不许",
            "杜绝", "抵制", "防范", "预防", "防止", "谨防", "警惕", "切勿", "请勿", "反对", "打击", "举报", "识别",
            "不参与", "不参加", "取缔", "整治", "揭露", "认清", "防", "禁", "戒", "拒", "反", "勿", "免受",
            "避免", "提防", "小心", "当心", "严防", "排查", "禁绝", "不沾", "不碰", "不收", "拒收",
            "不发", "不接受", "不送", "不搞", "不组织", "不开展", "不在", "从未", "如遇", "不会");
    /** A negation right before the term (不发红包, 别赌博, 勿吸毒) whatever verb sits between. */
    private static final String NEAR_NEGATION = "不勿禁莫别";
    /** Single-char cues count only right before the term (禁赌, 防暴), not anywhere in the clause. */
    private static final String ADJACENT_ONLY = "防禁戒拒反勿";
    private static final List<String> AFTER = List.of("危害", "违法", "犯罪", "害人", "陷阱", "危险", "预防", "防范",
            "宣传", "教育", "知识", "专项", "整治", "治理", "侵害", "不可取", "零容忍", "警示", "案例", "隐患", "骗局",
            "诈骗", "毁", "的危害", "是违", "害己", "伤害", "侵蚀", "犯法", "有害", "行为", "请拒绝", "拒绝", "举报", "报警", "等不良", "不良");
    /** Debunking words excuse the term anywhere later in its clause (网上疯传的停课消息不实). */
    private static final List<String> DEBUNK = List.of("不实", "谣言", "虚假", "辟谣", "假消息");
    private static final String CLAUSE_END = "，,。；;！!？?\n\r：:";
    private static final int WINDOW = 16;

    private GuardCues() {
    }

    static boolean framedAsWarning(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < WINDOW && CLAUSE_END.indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        String before = text.substring(from, start);
        for (int k = before.length() - 1; k >= 0 && k >= before.length() - 3; k--) {
            if (NEAR_NEGATION.indexOf(before.charAt(k)) >= 0) {
                return true;
            }
        }
        for (String cue : BEFORE) {
            if (cue.length() == 1 && ADJACENT_ONLY.contains(cue)) {
                if (before.endsWith(cue)) {
                    return true;
                }
            } else if (before.contains(cue)) {
                return true;
            }
        }
        int to = end;
        while (to < text.length() && to - end < WINDOW && CLAUSE_END.indexOf(text.charAt(to)) < 0) {
            to++;
        }
        String after = text.substring(end, to);
        for (String cue : DEBUNK) {
            if (after.contains(cue)) {
                return true;
            }
        }
        for (String cue : AFTER) {
            int at = after.indexOf(cue);
            if (at >= 0 && at <= 4) {
                return true;
            }
        }
        return false;
    }
}

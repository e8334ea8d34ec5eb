package cn.jiaxiao.filter.typo;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 的/地/得 misuse, only in patterns where the right particle is not in doubt: an adverb of manner before a verb
 * takes 地 (认真的完成 → 认真地完成), a verb before a degree complement takes 得 (写的很好 → 写得很好).
 * Anything looser would also fire on correct sentences (认真的学生), so it is left alone.
 */
public final class DeDiDeDetector implements Detector {

    private static final String MANNER = "认真|积极|努力|按时|及时|主动|耐心|仔细|顺利|热情|准时|自觉|有序|高兴|开心|"
            + "好好|慢慢|静静|悄悄|默默|大声|轻轻|紧紧|尽快|不断|逐步|专心|细心|用心|虚心|刻苦|踊跃";
    private static final String VERB = "完成|参加|学习|做|说|配合|复习|到校|返校|离校|开展|进行|督促|检查|提醒|阅读|书写|"
            + "遵守|落实|参与|回答|思考|听讲|练习|度过|成长|玩耍|交流|沟通|执行|推进|指导|引导|教育|关注|对待|处理|"
            + "走|跑|写|读|看|听|笑|唱|跳|做好|预习|背诵|报名|撤离|疏散|排队|就餐|入场|离场|回家";
    private static final String DEGREE_VERB = "跑|写|做|学|考|跳|答|表现|完成|进步|发挥|整理|打扫|收拾|布置|组织|准备|"
            + "掌握|理解";
    /** Nouns that turn "adj 的 verb" into a noun phrase (认真的学习态度), where 的 is right. */
    private static final String NOMINAL = "态度|方法|习惯|环境|氛围|精神|风气|过程|状态|能力|效果|情况|秩序|计划|时间|方式|"
            + "机制|意识|热情|兴趣|活动|演练|工作|内容|任务|目标|成果|成绩|精神|品质|样子|人|同学|孩子|学生|时候|地方";
    private static final String DEGREE = "很|非常|特别|十分|真|太|极|更|越来越|相当|比较|不错|好极|棒|快|慢|认真|出色|优秀|精彩";

    private static final Pattern SHOULD_BE_DI = Pattern.compile("(?:" + MANNER + ")(的)(?:" + VERB + ")(?!" + NOMINAL + "|的)");
    private static final Pattern SHOULD_BE_DE = Pattern.compile("(?<!所|您|你|他|她|我)(?:" + DEGREE_VERB + ")(的)(?:" + DEGREE + ")");

    private static final String DI_BEFORE = lastChars(MANNER);
    private static final String DE_BEFORE = lastChars(DEGREE_VERB);

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        // Only a few chars around each 的 matter; matching there, and only after a plausible word, keeps this
        // cheap: 的 is the most frequent char of any notice.
        for (int p = text.indexOf('的'); p > 0; p = text.indexOf('的', p + 1)) {
            char before = text.charAt(p - 1);
            int from = Math.max(0, p - 4);
            int to = Math.min(text.length(), p + 7);
            boolean found = DI_BEFORE.indexOf(before) >= 0
                    && report(text, SHOULD_BE_DI.matcher(text).region(from, to), p, "地", out);
            if (!found && DE_BEFORE.indexOf(before) >= 0) {
                report(text, SHOULD_BE_DE.matcher(text).region(from, to), p, "得", out);
            }
        }
    }

    private static String lastChars(String alternatives) {
        StringBuilder sb = new StringBuilder();
        for (String w : alternatives.split("\\|")) {
            sb.append(w.charAt(w.length() - 1));
        }
        return sb.toString();
    }

    private static boolean report(String text, Matcher m, int particleAt, String particle, List<Finding> out) {
        m.useTransparentBounds(true);
        while (m.find()) {
            if (m.start(1) != particleAt) {
                continue;
            }
            String fixed = text.substring(m.start(), m.start(1)) + particle + text.substring(m.end(1), m.end());
            out.add(Finding.of(text, Category.TYPO, Severity.BLOCK, m.start(), m.end(), "typo.de-di-de", fixed));
            return true;
        }
        return false;
    }
}

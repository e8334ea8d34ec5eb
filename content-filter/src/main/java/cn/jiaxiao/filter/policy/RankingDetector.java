package cn.jiaxiao.filter.policy;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.text.StartCharPattern;
import cn.jiaxiao.filter.text.StudentMentions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grade rankings and score comparisons (school rules §3, class-group rules): explicit ranking wording blocks,
 * a list of two or more named students with scores blocks, bare 排名 only warns because notices often say the
 * school does <em>not</em> publish rankings.
 */
public final class RankingDetector implements Detector {

    private static final String NUM = "[0-9一二三四五六七八九十百]+";
    /** Start chars: the first chars of the seven alternatives (成绩… 排名… 年级… 倒数 考了… 按/依 光荣榜…). */
    private static final StartCharPattern EXPLICIT = new StartCharPattern(Pattern.compile(
            "(?:成绩|考试|分数|年级|班级|全班|全校|总分|期中|期末|月考|单科)[^，,。；;！!？?\\n]{0,6}?(?:排名|排行|名次|排序|排位)"
                    + "|(?:排名|名次|排行)(?:表|榜|单|情况|如下|第|前|后|靠前|靠后|倒数)"
                    + "|(?:年级|班级|全班|全校|班上|班里|全年级)(?:第" + NUM + "名|前" + NUM + "名|倒数第" + NUM + "|排名)"
                    + "|倒数第" + NUM + "名?|(?:考了|考取|排在|位列|名列)(?:年级|班级|全班|全校)?第" + NUM + "名"
                    + "|[按依](?:照)?(?:成绩|分数)(?:高低)?(?:排|排名|排序|排列)|光荣榜|红黑榜|成绩榜"),
            "成考分年班全总期月单排名倒位按依光红");
    private static final StartCharPattern BARE = new StartCharPattern(Pattern.compile("排名|名次|第" + NUM + "名"), "排名第");
    private static final Pattern SCORE = Pattern.compile(
            "([\\u4e00-\\u9fa5]{2,3})[：: ]?(?:考了|得了|得分|成绩|总分)?[：: ]?(\\d{1,3}(?:\\.\\d)?)分(?!钟|之|数线|批|班|组|期|段|别|校)");
    private static final String[] NEGATION = "不|不会|不得|禁止|严禁|不再|不予|不公布|不做|不进行|请勿|切勿|避免|杜绝"
            .split("\\|");
    private static final Pattern NOT_A_NAME = Pattern.compile(".*(满分|总分|及格|优秀|分数|成绩|卷面|每题|本题|平均|共计|加分|"
            + "扣分|得分|考试|单科|语文|数学|英语|物理|化学|生物|历史|地理|政治).*");

    private static final int WINDOW = 14;
    private static final String NUMERAL = "0123456789一二三四五六七八九十百";

    /**
     * Every ranking pattern contains 排, 榜, 倒数, 名次 or a numeral + 名; the regexes only run in a small window
     * around such a char. 名 alone is everywhere (报名, 名单), so it needs its neighbour.
     */
    private static boolean isAnchor(String text, int p) {
        char c = text.charAt(p);
        if (c == '榜' || c == '倒') {
            return true;
        }
        if (c == '排') { // 排名 排行 排序 排位 排列, 成绩排 / 分数排 / 高低排 — but not 安排
            char next = p + 1 < text.length() ? text.charAt(p + 1) : ' ';
            char prev = p > 0 ? text.charAt(p - 1) : ' ';
            return "名行序位列".indexOf(next) >= 0 || "绩数低".indexOf(prev) >= 0;
        }
        return c == '名' && ((p + 1 < text.length() && text.charAt(p + 1) == '次')
                || (p > 0 && (NUMERAL.indexOf(text.charAt(p - 1)) >= 0 || text.charAt(p - 1) == '排')));
    }

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        List<int[]> blocked = new ArrayList<>();
        int lastEnd = -1;
        StartCharPattern.Scan m = null; // one matcher per check, created at the first anchor
        for (int p = 0; p < text.length(); p++) {
            if (p < lastEnd || !isAnchor(text, p)) {
                continue;
            }
            int from = Math.max(0, p - WINDOW);
            int to = Math.min(text.length(), p + WINDOW);
            m = m == null ? EXPLICIT.scan(text, from, to, false) : m.restart(from, to);
            while (m.find()) {
                if (m.start() < lastEnd || m.start() > p || m.end() <= p) {
                    continue;
                }
                if (!negated(text, m.start(), m.end())) {
                    out.add(Finding.of(text, Category.RANKING, Severity.BLOCK, m.start(), m.end(), "policy.ranking",
                            null));
                    blocked.add(new int[]{m.start(), m.end()});
                }
                lastEnd = m.end();
                break;
            }
        }
        StartCharPattern.Scan b = null;
        for (int p = text.indexOf('名'); p >= 0; p = text.indexOf('名', p + 1)) {
            if (!isAnchor(text, p)) {
                continue;
            }
            int from = Math.max(0, p - 4);
            int to = Math.min(text.length(), p + 2);
            b = b == null ? BARE.scan(text, from, to, false) : b.restart(from, to);
            while (b.find()) {
                if (b.start() > p || b.end() <= p || negated(text, b.start(), b.end())
                        || inside(blocked, b.start(), b.end())) {
                    continue;
                }
                out.add(Finding.of(text, Category.RANKING, Severity.WARN, b.start(), b.end(), "policy.ranking-word",
                        null));
            }
        }
        scoreList(text, out);
    }

    /** Two or more "name + score" pairs that look like a student's name make a score list. */
    private static void scoreList(String text, List<Finding> out) {
        List<int[]> pairs = new ArrayList<>();
        Matcher s = null; // reused: region() resets it
        for (int p = text.indexOf('分', 1); p >= 0; p = text.indexOf('分', p + 1)) {
            if (!Character.isDigit(text.charAt(p - 1))
                    || (p + 1 < text.length() && "钟之数批班组期段别校".indexOf(text.charAt(p + 1)) >= 0)) {
                continue;
            }
            s = s == null ? SCORE.matcher(text) : s;
            s.region(Math.max(0, p - 14), Math.min(text.length(), p + 3));
            while (s.find()) {
                if (s.start() <= p && s.end() > p) {
                    if (looksLikeName(s.group(1))) {
                        pairs.add(new int[]{s.start(), s.end()});
                    }
                    break;
                }
            }
        }
        if (pairs.size() >= 2) {
            out.add(Finding.of(text, Category.RANKING, Severity.BLOCK, pairs.get(0)[0],
                    pairs.get(pairs.size() - 1)[1], "policy.score-list", null));
        }
    }

    private static boolean looksLikeName(String who) {
        String name = who.length() == 3 && !isSurname(who.charAt(0)) ? who.substring(1) : who;
        return isSurname(name.charAt(0)) && !NOT_A_NAME.matcher(name).matches();
    }

    private static boolean isSurname(char c) {
        return StudentMentions.isSurname(c);
    }

    /** The school saying it does not rank (本次考试不排名, 不公布名次) is the rule, not a breach of it. */
    static boolean negated(String text, int start, int end) {
        int from = start;
        while (from > 0 && start - from < 12 && "，,。；;！!？?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        for (int i = from; i < end; i++) {
            for (String w : NEGATION) {
                if (i + w.length() <= end && text.startsWith(w, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inside(List<int[]> spans, int start, int end) {
        for (int[] s : spans) {
            if (s[0] <= start && end <= s[1]) {
                return true;
            }
        }
        return false;
    }
}

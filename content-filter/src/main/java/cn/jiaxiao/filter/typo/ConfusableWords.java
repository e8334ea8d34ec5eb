package cn.jiaxiao.filter.typo;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;

/**
 * Confusable-character typos (做业 → 作业, 已便 → 以便, 讲坐 → 讲座) found with jieba's word frequencies.
 *
 * <p>For each confusable char at position p of a CJK run, every 2–4-char window holding p is looked up. If any of
 * them is a dictionary word with frequency ≥ {@value #RARE}, the char is taken as right and nothing is reported.
 * Otherwise the char is replaced by each of its confusable partners; the best replacement window (highest
 * frequency) is reported when its frequency is ≥ {@value #MIN_WARN} and ≥ {@value #RATIO}× the original's.
 * The finding is a BLOCK only when it is overwhelming and unambiguous: replacement frequency ≥ {@value #MIN_BLOCK},
 * no window over p is in the dictionary at all, and neither edge char of the window forms a dictionary word
 * (frequency ≥ {@value JiebaDictionary#BIGRAM_MIN_FREQ}) with its neighbour outside the window. A window glued to a
 * neighbour by a common word (frequency ≥ {@value #GLUE_SKIP}: 做家务, 使用) is not reported; a weaker glue makes it a
 * WARN.
 *
 * <p>的 and 在 are never replaced: they are the commonest chars of any notice and their neighbours form words with
 * 得/再 all the time (的意 → 得意, 在三楼 → 再三). 的/地/得 has its own pattern detector; for 再/在 one clear
 * pattern is checked instead: 再 right before a time or place word (再本周五前 → 在本周五前; BLOCK when 前/内 follows
 * within three chars, else WARN).
 *
 * <p>Cost: a table lookup per char, and for a confusable char at most 9 window and 9×k replacement lookups in
 * open-addressing maps keyed by the packed chars; nothing is allocated unless something is reported.
 */
public final class ConfusableWords implements Detector {

    public static final String RULE = "typo.confusable";

    /** Original windows at or above this frequency are taken as correct words. */
    static final int RARE = 5;
    static final int MIN_WARN = 100;
    static final int MIN_BLOCK = 300;
    static final int RATIO = 50;
    static final int GLUE_SKIP = 100;

    /**
     * Groups of chars commonly confused in school notices; each char may be replaced by the others of its group.
     * Curated: a pair belongs here only if swapping it yields real typos (作业/做业, 毕业/必业), and chars whose
     * partners produce many accidental words (的 → 得, 在 → 再) are excluded as sources (see {@link #NOT_SOURCE}).
     */
    static final String[] GROUPS = {
            "在再", "做作", "的得", "已以", "须需", "座坐", "象像", "账帐", "辨辩辫", "既即", "副幅付", "报抱", "练炼",
            "历厉", "蓝篮", "候侯", "戴带", "反返", "园圆", "必毕", "型形", "查察", "待代", "竟竞", "采彩", "题提",
            "部布", "度渡", "订定", "份分", "密蜜", "咨资", "防妨", "燥躁", "记纪", "决绝", "及急", "检捡", "籍藉",
            "即及"};
    static final String NOT_SOURCE = "的在";
    /** Time/place words starting with these can follow 再 legitimately (再后来, 再以后, 再过两天, 再一次). */
    static final String NOT_TIME_AFTER_ZAI = "后以之然一过往此将未次三两几";

    private static final String[] ALTERNATIVES = new String[0x10000];

    static {
        for (String g : GROUPS) {
            for (int i = 0; i < g.length(); i++) {
                char c = g.charAt(i);
                StringBuilder alts = new StringBuilder(ALTERNATIVES[c] == null ? "" : ALTERNATIVES[c]);
                for (int j = 0; j < g.length(); j++) {
                    if (j != i && alts.indexOf(String.valueOf(g.charAt(j))) < 0) {
                        alts.append(g.charAt(j));
                    }
                }
                ALTERNATIVES[c] = alts.toString();
            }
        }
    }

    /**
     * {@link #ALTERNATIVES} without the {@link #NOT_SOURCE} chars: what the scan checks. 的 and 在 are the
     * commonest chars of a notice and a check of them can never report (they are not swapped, and 在 has no
     * pattern of its own), so they are skipped before any dictionary lookup. They stay in ALTERNATIVES, as
     * partners of 得 and 再 and as keys of the dictionary's word map.
     */
    private static final String[] SOURCES = ALTERNATIVES.clone();
    /**
     * One bit per char: is it in {@link #SOURCES}? The scan asks this for every CJK char; 8 KiB stay in cache
     * where the 256 KiB reference array would not.
     */
    private static final long[] IS_SOURCE = new long[0x10000 / 64];

    static {
        for (int i = 0; i < NOT_SOURCE.length(); i++) {
            SOURCES[NOT_SOURCE.charAt(i)] = null;
        }
        for (int c = 0; c < SOURCES.length; c++) {
            if (SOURCES[c] != null) {
                IS_SOURCE[c >>> 6] |= 1L << c;
            }
        }
    }

    static boolean isConfusable(char c) {
        return ALTERNATIVES[c] != null;
    }

    /** Loads the dictionary now rather than at the first check (≈0.3–0.6 s); optional. */
    public static void preload() {
        JiebaDictionary.instance();
    }

    /** One line on the loaded dictionary: sizes, bytes held, load time. */
    public static String dictionaryStats() {
        return JiebaDictionary.instance().toString();
    }

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        int n = text.length();
        JiebaDictionary dict = null;
        int runStart = 0;
        for (int p = 0; p < n; p++) {
            char c = text.charAt(p);
            if (!JiebaDictionary.isCjk(c)) {
                runStart = p + 1;
                continue;
            }
            if ((IS_SOURCE[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            String alts = SOURCES[c];
            int runEnd = p + 1;
            while (runEnd < n && runEnd < p + 6 && JiebaDictionary.isCjk(text.charAt(runEnd))) {
                runEnd++;
            }
            if (runEnd - runStart < 2) {
                continue;
            }
            if (dict == null) {
                dict = JiebaDictionary.instance();
            }
            check(text, p, c, alts, runStart, runEnd, dict, out);
        }
    }

    private static void check(String text, int p, char c, String alts, int runStart, int runEnd,
                              JiebaDictionary dict, List<Finding> out) {
        int lo = Math.max(runStart, p - 3);
        int hi = Math.min(runEnd, p + 4);
        // most confusable chars of a real notice sit in a word (作业, 已经): stop at the first one found. Two-char
        // windows first, since most words are two chars: each lookup is a likely cache miss in a 750 KiB map.
        // Every window [s, e) with lo <= s <= p < e <= hi and 2 <= e - s <= 4 is looked at unless one hits.
        int covered = 0;
        for (int len = 2; len <= 4; len++) {
            for (int s = Math.max(lo, p + 1 - len); s <= p && s + len <= hi; s++) {
                covered = Math.max(covered, dict.words.get(LongIntMap.pack(text, s, s + len)));
                if (covered >= RARE) {
                    return;
                }
            }
        }
        if (c == '再' && zaiBeforeTime(text, p, dict, out)) {
            return;
        }
        if (NOT_SOURCE.indexOf(c) >= 0) {
            return;
        }
        int bestS = -1;
        int bestE = -1;
        int bestFreq = 0;
        char bestAlt = 0;
        for (int s = lo; s <= p; s++) {
            for (int e = Math.max(p + 1, s + 2); e <= Math.min(hi, s + 4); e++) {
                long key = LongIntMap.pack(text, s, e);
                int orig = dict.words.get(key);
                int shift = 16 * (p - s);
                for (int a = 0; a < alts.length(); a++) {
                    char alt = alts.charAt(a);
                    int f = dict.words.get(key ^ ((long) (c ^ alt) << shift));
                    if (f >= MIN_WARN && f >= (long) RATIO * Math.max(orig, 1)
                            && (f > bestFreq || (f == bestFreq && e - s > bestE - bestS))) {
                        bestS = s;
                        bestE = e;
                        bestFreq = f;
                        bestAlt = alt;
                    }
                }
            }
        }
        if (bestS < 0) {
            return;
        }
        int glue = 0;
        if (bestS > runStart) {
            glue = dict.bigrams.get(LongIntMap.pack(text, bestS - 1, bestS + 1));
        }
        if (bestE < text.length() && JiebaDictionary.isCjk(text.charAt(bestE))) {
            glue = Math.max(glue, dict.bigrams.get(LongIntMap.pack(text, bestE - 1, bestE + 1)));
        }
        if (glue >= GLUE_SKIP) {
            return;
        }
        Severity sev = bestFreq >= MIN_BLOCK && covered == 0 && glue == 0 ? Severity.BLOCK : Severity.WARN;
        String window = text.substring(bestS, bestE);
        String fixed = window.substring(0, p - bestS) + bestAlt + window.substring(p - bestS + 1);
        out.add(new Finding(Category.TYPO, sev, bestS, bestE, window, RULE, fixed));
    }

    /** 再 + time/place word → 在 (再本周五前签字). Returns whether it reported. */
    private static boolean zaiBeforeTime(String text, int p, JiebaDictionary dict, List<Finding> out) {
        int n = text.length();
        for (int len = 4; len >= 2; len--) {
            int end = p + 1 + len;
            if (end > n || !allCjk(text, p + 1, end)) {
                continue;
            }
            if (dict.timePlace.get(LongIntMap.pack(text, p + 1, end)) == 0) {
                continue;
            }
            boolean before = false; // 前/内 within three chars: 在本周五前, 在三天内
            for (int i = end; i < Math.min(n, end + 3) && JiebaDictionary.isCjk(text.charAt(i)); i++) {
                char x = text.charAt(i);
                before |= x == '前' || x == '内';
            }
            out.add(new Finding(Category.TYPO, before ? Severity.BLOCK : Severity.WARN, p, end,
                    text.substring(p, end), RULE, "在" + text.substring(p + 1, end)));
            return true;
        }
        return false;
    }

    private static boolean allCjk(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!JiebaDictionary.isCjk(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

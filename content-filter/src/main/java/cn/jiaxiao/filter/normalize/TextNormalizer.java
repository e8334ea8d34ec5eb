package cn.jiaxiao.filter.normalize;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the matching view used for term lists: NFKC (full-width, circled and styled digits and letters),
 * lower case, traditional → simplified, Chinese numerals folded to digits, invisible characters, spaces,
 * punctuation and symbols dropped, runs of the same char collapsed.
 *
 * <p>Terms go through the same function, so folding only ever makes a term match its own disguises;
 * the notice itself is never rewritten. Sentence ends (。！？ and line breaks) stay as a boundary so a term
 * is not assembled from the end of one sentence and the start of the next.
 *
 * <p>Per-char work is a lookup in a table precomputed for the whole BMP, which keeps normalisation cheap
 * enough to run on every check.
 */
public final class TextNormalizer {

    /** View char that never occurs in a term: marks a sentence boundary. */
    public static final char BOUNDARY = '\n';

    private static final char SKIP = 0;
    private static final char EXPANDS = '\uFFFF';
    private static final String CHINESE_DIGITS = "〇零一二三四五六七八九";
    private static final String FINANCIAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String INVISIBLE_LETTERS = "\u115F\u1160\u3164\uFFA0\u2800\u180E\u034F";

    private static final TextNormalizer INSTANCE = new TextNormalizer();

    private final char[] fold = new char[Character.MAX_VALUE + 1];
    private final Map<Character, String> expansions = new HashMap<>();

    private TextNormalizer() {
        char[] t2s = TraditionalChinese.loadTable();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                fold[c] = SKIP;
                continue;
            }
            String folded = foldCodePoint(c, t2s);
            if (folded == null) {
                fold[c] = isBoundary(c) ? BOUNDARY : SKIP;
            } else if (folded.length() == 1) {
                fold[c] = folded.charAt(0);
            } else {
                fold[c] = EXPANDS;
                expansions.put((char) c, folded);
            }
        }
    }

    public static TextNormalizer instance() {
        return INSTANCE;
    }

    /** Normalises a term the same way as text, without offsets. */
    public String normalizeTerm(String term) {
        return normalize(term).toString().replace(String.valueOf(BOUNDARY), "");
    }

    public NormalizedText normalize(String text) {
        int n = text.length();
        char[] out = new char[n + 8];
        int[] start = new int[n + 8];
        int[] end = new int[n + 8];
        int len = 0;
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            int width = 1;
            char f;
            String multi = null;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 2;
                multi = foldSupplementary(Character.toCodePoint(c, text.charAt(i + 1)));
                f = multi == null ? SKIP : EXPANDS;
            } else {
                f = fold[c];
                if (f == EXPANDS) {
                    multi = expansions.get(c);
                }
            }
            int needed = f == EXPANDS ? multi.length() : (f == SKIP ? 0 : 1);
            if (len + needed > out.length) {
                int cap = Math.max(out.length * 2, len + needed);
                out = Arrays.copyOf(out, cap);
                start = Arrays.copyOf(start, cap);
                end = Arrays.copyOf(end, cap);
            }
            if (f == EXPANDS) {
                for (int k = 0; k < multi.length(); k++) {
                    len = append(out, start, end, len, multi.charAt(k), i, i + width);
                }
            } else if (f != SKIP) {
                len = append(out, start, end, len, f, i, i + width);
            }
            i += width;
        }
        return new NormalizedText(text, out, start, end, len);
    }

    private static int append(char[] out, int[] start, int[] end, int len, char f, int from, int to) {
        // A repeat (赌赌博, 赌 赌博) widens the previous view char instead of adding one.
        if (len > 0 && out[len - 1] == f && f != BOUNDARY) {
            end[len - 1] = to;
            return len;
        }
        out[len] = f;
        start[len] = from;
        end[len] = to;
        return len + 1;
    }

    private String foldSupplementary(int cp) {
        if (isSeparator(cp)) {
            return null;
        }
        String nfkc = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        for (int k = 0; k < nfkc.length(); k++) {
            char c = nfkc.charAt(k);
            if (Character.isSurrogate(c)) {
                sb.append(c);
                continue;
            }
            char f = fold[c];
            if (f == EXPANDS) {
                sb.append(expansions.get(c));
            } else if (f != SKIP && f != BOUNDARY) {
                sb.append(f);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String foldCodePoint(int cp, char[] t2s) {
        // NFKC first: circled letters (Ⓐ) are symbols but stand for a letter, so classify the result.
        String s = Normalizer.normalize(String.valueOf((char) cp), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (isSeparator(c)) {
                continue;
            }
            if (t2s[c] != 0) {
                c = t2s[c];
            }
            int digit = CHINESE_DIGITS.indexOf(c);
            if (digit < 0) {
                digit = FINANCIAL_DIGITS.indexOf(c);
            } else if (digit > 0) {
                digit--; // 〇 and 零 are both zero
            }
            if (digit >= 0) {
                c = (char) ('0' + digit);
            }
            sb.append(c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static boolean isBoundary(int cp) {
        return cp == '\n' || cp == '\r' || cp == '。' || cp == '！' || cp == '？' || cp == '\u2029' || cp == '\u2028';
    }

    static boolean isSeparator(int cp) {
        if (INVISIBLE_LETTERS.indexOf(cp) >= 0) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SURROGATE -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** True when the char carries no letter or digit of its own (what the matcher skips over). */
    public boolean isSkipped(char c) {
        return fold[c] == SKIP;
    }
}

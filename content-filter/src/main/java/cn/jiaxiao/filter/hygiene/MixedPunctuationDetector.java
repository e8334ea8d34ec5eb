package cn.jiaxiao.filter.hygiene;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;

/**
 * Half-width , ; : ? ! between Chinese characters in a text that otherwise uses full-width punctuation.
 * Periods are not checked: they appear legitimately in times, decimals and links.
 */
public final class MixedPunctuationDetector implements Detector {

    private static final String HALF = ",;:?!";
    private static final String FULL = "，；：？！。、";

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        boolean usesFull = false;
        for (int i = 0; i < text.length() && !usesFull; i++) {
            usesFull = FULL.indexOf(text.charAt(i)) >= 0;
        }
        if (!usesFull) {
            return;
        }
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            int k = c < 128 ? HALF.indexOf(c) : -1; // HALF is ASCII; spares an indexOf per Chinese char
            if (k >= 0 && isHan(text.charAt(i - 1)) && isHan(text.charAt(i + 1))) {
                out.add(Finding.of(text, Category.SMS_HYGIENE, Severity.WARN, i, i + 1, "hygiene.mixed-punctuation",
                        String.valueOf("，；：？！".charAt(k))));
            }
        }
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}

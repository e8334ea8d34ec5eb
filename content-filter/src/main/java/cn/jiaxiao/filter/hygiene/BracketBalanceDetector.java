package cn.jiaxiao.filter.hygiene;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;

/** Unbalanced （）【】“”《》()[]「」‘’: each bracket left without its partner is pointed at. */
public final class BracketBalanceDetector implements Detector {

    private static final String OPEN = "（【“《([「‘〔";
    private static final String CLOSE = "）】”》)]」’〕";

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        int[] stack = new int[16];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u3400' && c < '\uFF00') {
                continue; // CJK ideographs and kana, no bracket among them (brackets are ASCII, 201x, 300x, FF0x)
            }
            int open = OPEN.indexOf(c);
            int close = open >= 0 ? -1 : CLOSE.indexOf(c);
            if (open >= 0) {
                if (depth == stack.length) {
                    stack = java.util.Arrays.copyOf(stack, depth * 2);
                }
                stack[depth++] = i;
            } else if (close >= 0) {
                if (depth > 0 && OPEN.indexOf(text.charAt(stack[depth - 1])) == close) {
                    depth--;
                } else if (!(c == ')' && isListMarker(text, i))) {
                    out.add(Finding.of(text, Category.SMS_HYGIENE, Severity.WARN, i, i + 1, "hygiene.brackets",
                            String.valueOf(OPEN.charAt(close))));
                }
            }
        }
        for (int k = depth - 1; k >= 0; k--) {
            int i = stack[k];
            char c = text.charAt(i);
            out.add(Finding.of(text, Category.SMS_HYGIENE, Severity.WARN, i, i + 1, "hygiene.brackets",
                    String.valueOf(CLOSE.charAt(OPEN.indexOf(c)))));
        }
    }

    /** "1)" and "a)" number list items without an opening bracket; that is house style, not an error. */
    private static boolean isListMarker(String text, int i) {
        return i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) && (i == 1 || !Character.isLetterOrDigit(text.charAt(i - 2)));
    }
}

package cn.jiaxiao.filter.hygiene;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;

/**
 * Function words typed twice (的的, 了了, 在在): usually an editing slip. Real reduplications (的的确确, 不了了之,
 * 是是非非) are excused.
 */
public final class DoubledWordDetector implements Detector {

    private static final String FUNCTION_WORDS = "的了是在和与及把被也都就将对为于请";
    private static final List<String> IDIOMS = List.of("的的确确", "不了了之", "是是非非", "了了分明", "小了了", "为为",
            "了了解", "了了然");

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if (c != text.charAt(i + 1) || FUNCTION_WORDS.indexOf(c) < 0) {
                continue;
            }
            if (!inIdiom(text, i)) {
                out.add(Finding.of(text, Category.SMS_HYGIENE, Severity.WARN, i, i + 2, "hygiene.doubled",
                        String.valueOf(c)));
            }
            i++;
        }
    }

    private static boolean inIdiom(String text, int at) {
        for (String idiom : IDIOMS) {
            int from = Math.max(0, at - idiom.length());
            int idx = text.indexOf(idiom, from);
            if (idx >= 0 && idx <= at && at + 2 <= idx + idiom.length()) {
                return true;
            }
        }
        return false;
    }
}

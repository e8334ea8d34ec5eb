package cn.jiaxiao.filter.hygiene;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;

/** Signature and length: only meaningful when the caller says the text goes out as an SMS. */
public final class SmsHygieneDetector implements Detector {

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        String signature = input.options().signature();
        if (signature != null && !signature.isBlank()) {
            String trimmed = text.strip();
            if (!trimmed.startsWith(signature) && !trimmed.endsWith(signature)) {
                out.add(new Finding(Category.SMS_HYGIENE, Severity.WARN, 0, 0, "", "hygiene.signature", signature));
            }
        }
        int max = input.options().maxSegments();
        if (max > 0) {
            int segments = SmsSegments.count(text);
            if (segments > max) {
                out.add(new Finding(Category.SMS_HYGIENE, Severity.WARN, 0, text.length(), text, "hygiene.length",
                        segments + " 条短信，超过上限 " + max + " 条"));
            }
        }
    }
}

package cn.jiaxiao.filter;

import java.util.Objects;

/**
 * One problem in a notice. {@code start}/{@code end} are char offsets into the original text (end exclusive)
 * and {@code match} is exactly {@code original.substring(start, end)}, so the UI can highlight it.
 */
public record Finding(Category category, Severity severity, int start, int end, String match, String rule,
                      String suggestion) {

    public Finding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(rule, "rule");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public static Finding of(String original, Category category, Severity severity, int start, int end,
                             String rule, String suggestion) {
        return new Finding(category, severity, start, end, original.substring(start, end), rule, suggestion);
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }

    public boolean contains(Finding other) {
        return start <= other.start && other.end <= end;
    }
}

package cn.jiaxiao.routes.content;

/**
 * A term a school-level account manager adds. {@code severity} BLOCK (default) or WARN; {@code guarded}: ignored
 * in safety-education framing (远离赌博); {@code suggestion}: the correction, required for TYPO.
 */
public record NewTerm(String category, String term, String severity, Boolean guarded, String suggestion) {

    public static NewTerm of(String category, String term) {
        return new NewTerm(category, term, null, null, null);
    }
}

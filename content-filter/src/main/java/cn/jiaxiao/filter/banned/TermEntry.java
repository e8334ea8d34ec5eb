package cn.jiaxiao.filter.banned;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.Severity;

import java.util.Objects;

/**
 * One line of a term list.
 *
 * @param guarded    ignored when the same clause frames it as something to avoid (远离赌博, 禁毒, 赌博的危害):
 *                   safety education uses the same nouns as the offences it warns against
 * @param suggestion replacement to offer (typo lists), or null
 */
public record TermEntry(Category category, String term, Severity severity, boolean guarded, String suggestion) {

    public TermEntry {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("blank term");
        }
    }

    /**
     * Parses the list syntax: {@code term}, {@code ?term} (warn only), {@code ~term} (guarded),
     * {@code wrong=right} (with suggestion); prefixes combine. Returns null for blank and # comment lines.
     */
    public static TermEntry parse(Category category, String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        Severity severity = Severity.BLOCK;
        boolean guarded = false;
        while (s.length() > 1 && (s.charAt(0) == '?' || s.charAt(0) == '~')) {
            if (s.charAt(0) == '?') {
                severity = Severity.WARN;
            } else {
                guarded = true;
            }
            s = s.substring(1);
        }
        String suggestion = null;
        int eq = s.indexOf('=');
        if (eq > 0 && eq < s.length() - 1) {
            suggestion = s.substring(eq + 1).strip();
            s = s.substring(0, eq).strip();
        }
        return new TermEntry(category, s, severity, guarded, suggestion);
    }
}

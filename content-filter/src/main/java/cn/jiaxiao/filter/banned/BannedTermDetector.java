package cn.jiaxiao.filter.banned;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.normalize.NormalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns term-list hits into findings: drops hits inside a whitelisted phrase, guarded terms in safety-education
 * framing, ASCII terms glued into longer words, and hits nested in a longer hit.
 */
public final class BannedTermDetector implements Detector {

    private final TermMatcher matcher;

    public BannedTermDetector(TermMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        NormalizedText view = input.normalized();
        if (view.length() == 0) {
            return;
        }
        TermMatcher.Scan scan = matcher.scan(view);
        if (scan.hits().isEmpty()) {
            return;
        }
        String text = input.text();
        List<Finding> found = new ArrayList<>(scan.hits().size());
        for (TermMatcher.Hit hit : scan.hits()) {
            if (whitelisted(hit, scan.whitelisted())) {
                continue;
            }
            int start = view.originalStart(hit.viewStart());
            int end = view.originalEnd(hit.viewEnd() - 1);
            if (hit.asciiWord() && gluedToWord(text, start, end)) {
                continue;
            }
            TermEntry e = hit.entry();
            if (e.guarded() && GuardCues.framedAsWarning(text, start, end)) {
                continue;
            }
            found.add(Finding.of(text, e.category(), e.severity(), start, end, ruleFor(e.category()), e.suggestion()));
        }
        for (int i = 0; i < found.size(); i++) {
            if (!shadowed(i, found)) {
                out.add(found.get(i));
            }
        }
    }

    static String ruleFor(Category category) {
        return switch (category) {
            case TYPO -> "typo.curated";
            case GRAMMAR -> "grammar.curated";
            case COMMERCIAL -> "policy.commercial";
            case RANKING -> "policy.ranking";
            default -> "banned.term";
        };
    }

    private static boolean whitelisted(TermMatcher.Hit hit, List<int[]> spans) {
        for (int[] w : spans) {
            if (w[0] <= hit.viewStart() && hit.viewEnd() <= w[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean gluedToWord(String text, int start, int end) {
        return (start > 0 && isAsciiAlnum(text.charAt(start - 1)))
                || (end < text.length() && isAsciiAlnum(text.charAt(end)));
    }

    private static boolean isAsciiAlnum(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || (c >= 'Ａ' && c <= 'ｚ' && Character.isLetter(c))
                || (c >= '０' && c <= '９');
    }

    /**
     * A hit inside a longer hit of any category adds nothing (红包 inside 老师收红包, 去死 inside 考不上就去死);
     * of two hits on the same span and category the stronger, then the first, is kept.
     */
    private static boolean shadowed(int index, List<Finding> all) {
        Finding f = all.get(index);
        for (int k = 0; k < all.size(); k++) {
            Finding other = all.get(k);
            if (k == index || !other.contains(f)) {
                continue;
            }
            if (other.end() - other.start() > f.end() - f.start() && other.severity().compareTo(f.severity()) >= 0) {
                return true; // a longer WARN hit must not hide a BLOCK inside it
            }
            if (other.category() == f.category()) {
                int bySeverity = other.severity().compareTo(f.severity());
                if (bySeverity > 0 || (bySeverity == 0 && k < index)) {
                    return true;
                }
            }
        }
        return false;
    }
}

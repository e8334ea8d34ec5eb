package cn.jiaxiao.filter.banned;

import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.match.AhoCorasick;
import cn.jiaxiao.filter.normalize.NormalizedText;
import cn.jiaxiao.filter.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable automaton over the normalised form of every term and whitelist phrase, built once per list version.
 * Whitelist phrases live in the same automaton so one scan yields both hits and the spans that excuse them.
 */
public final class TermMatcher {

    /**
     * A term occurrence in view coordinates. {@code asciiWord}: the term is ASCII letters/digits only (sb, tmd)
     * and must stand as a word of its own in the original, not inside "jobs bag".
     */
    public record Hit(int viewStart, int viewEnd, TermEntry entry, boolean asciiWord) {
    }

    /** The hits of one scan and the whitelisted view spans that cover them. */
    public record Scan(List<Hit> hits, List<int[]> whitelisted) {
    }

    private final AhoCorasick automaton;
    private final TermEntry[] entries;
    private final boolean[] asciiWord;
    private final String version;

    private TermMatcher(AhoCorasick automaton, TermEntry[] entries, boolean[] asciiWord, String version) {
        this.automaton = automaton;
        this.entries = entries;
        this.asciiWord = asciiWord;
        this.version = version;
    }

    public static TermMatcher build(TermLists lists) {
        TextNormalizer normalizer = TextNormalizer.instance();
        AhoCorasick.Builder builder = AhoCorasick.builder();
        // Same normalised key and category twice: keep the stronger entry, drop the duplicate.
        Map<String, Integer> seen = new HashMap<>();
        List<TermEntry> kept = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (TermEntry e : lists.entries()) {
            String key = normalizer.normalizeTerm(e.term());
            if (key.isEmpty()) {
                continue;
            }
            String dedupe = e.category() + "\u0000" + key;
            Integer prior = seen.get(dedupe);
            if (prior != null) {
                if (e.severity() == Severity.BLOCK && kept.get(prior).severity() == Severity.WARN) {
                    kept.set(prior, e);
                }
                continue;
            }
            seen.put(dedupe, kept.size());
            kept.add(e);
            keys.add(key);
        }
        boolean[] ascii = new boolean[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            builder.add(keys.get(i), i);
            ascii[i] = keys.get(i).chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
        }
        int w = 0;
        for (String phrase : lists.whitelist()) {
            String key = normalizer.normalizeTerm(phrase);
            if (!key.isEmpty()) {
                builder.add(key, -1 - w++);
            }
        }
        return new TermMatcher(builder.build(), kept.toArray(new TermEntry[0]), ascii, lists.version());
    }

    public int termCount() {
        return entries.length;
    }

    public String version() {
        return version;
    }

    public Scan scan(NormalizedText text) {
        List<Hit> hits = new ArrayList<>();
        List<int[]> white = new ArrayList<>();
        automaton.scan(text.chars(), text.length(), (start, end, payload) -> {
            if (payload < 0) {
                white.add(new int[]{start, end});
            } else {
                hits.add(new Hit(start, end, entries[payload], asciiWord[payload]));
            }
        });
        return new Scan(hits, white);
    }

}

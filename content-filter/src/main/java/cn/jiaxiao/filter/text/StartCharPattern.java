package cn.jiaxiao.filter.text;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A regular expression plus the chars any of its matches can start with. {@link Scan#find()} gives the same
 * matches as {@link Matcher#find()} over the same region, but enters the regex engine only at positions holding
 * one of those chars. {@code Matcher.find} tries every position and, at each, every branch of an alternation;
 * on 500 chars of Chinese where a pattern can only start at a handful of chars that was most of a detector's
 * time.
 *
 * <p>The start chars must be complete (every char a match can begin with), or matches are lost; each detector's
 * set is derived from its pattern by hand and pinned by {@code StartCharPatternTest}, which compares against
 * plain {@code find()} on the evaluation notices. The pattern must not use a lookbehind unless the scan has
 * transparent bounds, since each attempt starts a region at the candidate position.
 */
public final class StartCharPattern {

    private final Pattern pattern;
    private final char[] starts;
    /**
     * 4096-bit filter on the low 12 bits: most chars are rejected without the binary search (a Chinese char
     * rarely shares its low bits with one of a few dozen start chars); 512 bytes, so it stays in cache.
     */
    private final long[] filter = new long[64];

    public StartCharPattern(Pattern pattern, String startChars) {
        this.pattern = pattern;
        this.starts = startChars.toCharArray();
        Arrays.sort(starts);
        for (char c : starts) {
            filter[(c >>> 6) & 63] |= 1L << c;
        }
    }

    public Pattern pattern() {
        return pattern;
    }

    public boolean canStartWith(char c) {
        return (filter[(c >>> 6) & 63] & (1L << c)) != 0 && Arrays.binarySearch(starts, c) >= 0;
    }

    /** Matches in {@code [from, to)}; {@code transparent} as {@link Matcher#useTransparentBounds(boolean)}. */
    public Scan scan(CharSequence text, int from, int to, boolean transparent) {
        return new Scan(this, text, from, to, transparent);
    }

    /** Matches in the whole text, seen with transparent bounds, as a plain {@code matcher(text).find()} loop. */
    public Scan scan(CharSequence text) {
        return scan(text, 0, text.length(), true);
    }

    /** One left-to-right pass; after {@link #find()} returned true, {@link #matcher()} holds the match. */
    public static final class Scan {
        private final StartCharPattern owner;
        private final CharSequence text;
        private final Matcher matcher;
        private int to;
        private int pos;

        private Scan(StartCharPattern owner, CharSequence text, int from, int to, boolean transparent) {
            this.owner = owner;
            this.text = text;
            this.matcher = owner.pattern.matcher(text);
            // anchoring bounds off: ^ and $ must mean the ends of the text, not of each attempt's region
            matcher.useTransparentBounds(transparent).useAnchoringBounds(false);
            this.pos = from;
            this.to = to;
        }

        /** Starts again over {@code [from, to)} of the same text, reusing the matcher (no allocation). */
        public Scan restart(int from, int newTo) {
            this.pos = from;
            this.to = newTo;
            return this;
        }

        public boolean find() {
            for (int s = pos; s < to; s++) {
                if (!owner.canStartWith(text.charAt(s))) {
                    continue;
                }
                matcher.region(s, to);
                if (matcher.lookingAt()) {
                    pos = matcher.end() > s ? matcher.end() : s + 1;
                    return true;
                }
            }
            pos = to;
            return false;
        }

        public Matcher matcher() {
            return matcher;
        }

        public int start() {
            return matcher.start();
        }

        public int end() {
            return matcher.end();
        }
    }
}

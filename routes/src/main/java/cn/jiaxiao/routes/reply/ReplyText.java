package cn.jiaxiao.routes.reply;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation every reply goes through before it is read: NFKC (full-width digits, letters and
 * punctuation become ASCII: "１１月２５日" → "11月25日", "ＯＫ！" → "ok!"), lower-case Latin, invisible
 * characters (zero-width, BOM, control, unpaired surrogates, combining marks such as emoji variation
 * selectors) dropped, emoji and other symbols turned into a space, runs of white space collapsed to one.
 * Only the first {@link #MAX_CHARS} characters are considered, which keeps the work per reply bounded.
 *
 * <p>Why not content-filter's {@code TextNormalizer}: it builds a view for term matching that drops every
 * space and punctuation mark (the "-" of 25-26日, the "." of 11.25), collapses repeated characters
 * ("11月" → "1月") and turns 一二三 into digits everywhere (names such as 张一鸣). A reply must keep all of
 * those, so it needs its own, much simpler, view.
 */
public final class ReplyText {

    /** Replies are short; anything past this is not read (a leave request fits in one SMS). */
    public static final int MAX_CHARS = 500;

    private ReplyText() {
    }

    /**
     * NFKC, lower case, invisible characters dropped, symbols and white space as single spaces, spaces at
     * both ends trimmed. Punctuation stays, so that a lone "?" can still be told from an empty reply.
     * Returns "" for null.
     */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String s = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        s = dropUnpairedSurrogates(s);
        s = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (kind(cp)) {
                case DROP -> {
                }
                case SPACE -> pendingSpace = out.length() > 0;
                default -> {
                    if (pendingSpace) {
                        out.append(' ');
                        pendingSpace = false;
                    }
                    out.appendCodePoint(cp);
                }
            }
        }
        return out.toString();
    }

    /** {@link #normalize} with punctuation and spaces also stripped at both ends: " 收到！" → "收到". */
    public static String trimmed(String raw) {
        return stripEnds(normalize(raw));
    }

    /** Strips spaces and punctuation at both ends of already normalised text. */
    public static String stripEnds(String normalized) {
        int start = 0;
        int end = normalized.length();
        while (start < end && isSpaceOrPunctuation(normalized.charAt(start))) {
            start++;
        }
        while (end > start && isSpaceOrPunctuation(normalized.charAt(end - 1))) {
            end--;
        }
        return normalized.substring(start, end);
    }

    /**
     * Normalised text with every space and punctuation mark removed: the form that fixed reply words are
     * compared in ("收 到，谢谢！" → "收到谢谢").
     */
    public static String compact(String normalized) {
        StringBuilder out = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (!isSpaceOrPunctuation(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for a space, a punctuation mark or a symbol (after NFKC, so ASCII and CJK punctuation). */
    static boolean isSpaceOrPunctuation(char c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                 Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private enum Kind { KEEP, SPACE, DROP }

    private static Kind kind(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return Kind.SPACE;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.COMBINING_SPACING_MARK -> Kind.DROP;
            // Emoji (So), skin-tone modifiers (Sk) and the like separate words, as a space would.
            case Character.OTHER_SYMBOL, Character.MODIFIER_SYMBOL -> Kind.SPACE;
            default -> Kind.KEEP;
        };
    }

    private static String dropUnpairedSurrogates(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}

package cn.jiaxiao.filter.normalize;

/**
 * The matching view of a text plus, for every view char, the span of original chars it came from.
 * A view char can stand for several original chars (a collapsed repeat, a surrogate pair) and several view
 * chars can come from one original char (NFKC expansions such as ⑩ → "10").
 */
public final class NormalizedText {

    private final String original;
    private final char[] chars;
    private final int[] origStart;
    private final int[] origEnd;
    private final int length;

    NormalizedText(String original, char[] chars, int[] origStart, int[] origEnd, int length) {
        this.original = original;
        this.chars = chars;
        this.origStart = origStart;
        this.origEnd = origEnd;
        this.length = length;
    }

    public String original() {
        return original;
    }

    public int length() {
        return length;
    }

    public char charAt(int i) {
        return chars[i];
    }

    /** Backing array; valid up to {@link #length()}. Exposed so the matcher can scan without copying. */
    public char[] chars() {
        return chars;
    }

    public int originalStart(int viewIndex) {
        return origStart[viewIndex];
    }

    public int originalEnd(int viewIndexInclusive) {
        return origEnd[viewIndexInclusive];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}

package cn.jiaxiao.filter.typo;

/**
 * Open-addressing hash map from a non-zero {@code long} to an {@code int}, two flat arrays, linear probing, load
 * factor at most 0.75. Keys are
 * words of up to four BMP chars packed 16 bits each (see {@link #pack}), so a lookup allocates nothing. Filled once,
 * then read-only; reads are safe from any thread once the map has been published safely.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int cap = 16;
        while (cap * 3L / 4 < expected) {
            cap <<= 1;
        }
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    /** chars {@code s[from..to)} (1–4 of them, none {@code \0}) packed low char first. */
    static long pack(CharSequence s, int from, int to) {
        long k = 0;
        for (int i = to - 1; i >= from; i--) {
            k = (k << 16) | s.charAt(i);
        }
        return k;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }

    /** Keeps the larger value when the key is already there (jieba lists a few words twice). */
    void putMax(long key, int value) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0");
        }
        if ((size + 1) * 4L > keys.length * 3L) { // load factor <= 0.75
            grow();
        }
        int i = hash(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                values[i] = Math.max(values[i], value);
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** The value, or 0 when absent. */
    int get(long key) {
        int i = hash(key) & mask;
        long k;
        while ((k = keys[i]) != 0) {
            if (k == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    int size() {
        return size;
    }

    /** Bytes held by the two arrays (what the map costs on the heap, give or take the object headers). */
    long bytes() {
        return keys.length * 8L + values.length * 4L;
    }

    private void grow() {
        long[] ok = keys;
        int[] ov = values;
        keys = new long[ok.length * 2];
        values = new int[ok.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != 0) {
                putMax(ok[i], ov[i]);
            }
        }
    }
}

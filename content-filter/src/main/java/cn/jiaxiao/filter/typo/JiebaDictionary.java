package cn.jiaxiao.filter.typo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The part of jieba's word-frequency dictionary ({@code dict.txt} in com.huaban:jieba-analysis, lines
 * {@code word freq pos}, 349,045 words) that {@link ConfusableWords} needs, in three compact hash maps:
 * <ul>
 *   <li>{@code words}: 2–4-char CJK words containing at least one confusable char → frequency;</li>
 *   <li>{@code bigrams}: 2-char CJK words with frequency ≥ {@value #BIGRAM_MIN_FREQ} → frequency, to see whether a
 *       window's edge char is glued to its neighbour (做家务: 家务);</li>
 *   <li>{@code timePlace}: 2–4-char time and place words (pos {@code t}, {@code s}) for 再 + time → 在.</li>
 * </ul>
 * Loaded once, on first use (holder idiom), from the classpath.
 */
final class JiebaDictionary {

    static final String RESOURCE = "/dict.txt";
    static final int BIGRAM_MIN_FREQ = 20;

    final LongIntMap words;
    final LongIntMap bigrams;
    final LongIntMap timePlace;
    final int linesRead;
    final long loadNanos;

    private JiebaDictionary(LongIntMap words, LongIntMap bigrams, LongIntMap timePlace, int linesRead,
                            long loadNanos) {
        this.words = words;
        this.bigrams = bigrams;
        this.timePlace = timePlace;
        this.linesRead = linesRead;
        this.loadNanos = loadNanos;
    }

    static JiebaDictionary instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final JiebaDictionary INSTANCE = load();
    }

    static boolean isCjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }

    private static JiebaDictionary load() {
        long t0 = System.nanoTime();
        LongIntMap words = new LongIntMap(32_000);
        LongIntMap bigrams = new LongIntMap(48_000);
        LongIntMap timePlace = new LongIntMap(2_500);
        int lines = 0;
        try (InputStream in = JiebaDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("jieba dictionary " + RESOURCE
                        + " not on the classpath (com.huaban:jieba-analysis)");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = r.readLine()) != null) {
                lines++;
                int sp1 = line.indexOf(' ');
                if (sp1 < 2 || sp1 > 4) {
                    continue; // only 2–4-char words
                }
                boolean cjk = true;
                boolean confusable = false;
                for (int i = 0; i < sp1; i++) {
                    char c = line.charAt(i);
                    cjk &= isCjk(c);
                    confusable |= ConfusableWords.isConfusable(c);
                }
                if (!cjk) {
                    continue;
                }
                int sp2 = line.indexOf(' ', sp1 + 1);
                int freq = parseFreq(line, sp1 + 1, sp2 < 0 ? line.length() : sp2);
                long key = LongIntMap.pack(line, 0, sp1);
                if (confusable) {
                    words.putMax(key, freq);
                }
                if (sp1 == 2 && freq >= BIGRAM_MIN_FREQ) {
                    bigrams.putMax(key, freq);
                }
                if (sp2 > 0 && line.length() == sp2 + 2 && (line.charAt(sp2 + 1) == 't' || line.charAt(sp2 + 1) == 's')
                        && ConfusableWords.NOT_TIME_AFTER_ZAI.indexOf(line.charAt(0)) < 0) {
                    timePlace.putMax(key, 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JiebaDictionary(words, bigrams, timePlace, lines, System.nanoTime() - t0);
    }

    private static int parseFreq(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    long bytes() {
        return words.bytes() + bigrams.bytes() + timePlace.bytes();
    }

    @Override
    public String toString() {
        return String.format("jieba dict.txt: %d lines read; kept %d confusable words, %d bigrams (freq >= %d), "
                        + "%d time/place words; %.1f KiB of arrays; loaded in %d ms", linesRead, words.size(),
                bigrams.size(), BIGRAM_MIN_FREQ, timePlace.size(), bytes() / 1024.0, loadNanos / 1_000_000);
    }
}

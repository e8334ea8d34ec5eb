package cn.jiaxiao.filter.bench;

import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.banned.BannedTermDetector;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.filter.banned.TermMatcher;
import cn.jiaxiao.filter.hygiene.BracketBalanceDetector;
import cn.jiaxiao.filter.hygiene.DoubledWordDetector;
import cn.jiaxiao.filter.hygiene.MixedPunctuationDetector;
import cn.jiaxiao.filter.hygiene.SmsHygieneDetector;
import cn.jiaxiao.filter.normalize.TextNormalizer;
import cn.jiaxiao.filter.personal.HealthNearNameDetector;
import cn.jiaxiao.filter.personal.HomeAddressDetector;
import cn.jiaxiao.filter.personal.NumberDetector;
import cn.jiaxiao.filter.policy.IndividualNegativeDetector;
import cn.jiaxiao.filter.policy.LinkDetector;
import cn.jiaxiao.filter.policy.RankingDetector;
import cn.jiaxiao.filter.text.StudentMentions;
import cn.jiaxiao.filter.typo.ConfusableWords;
import cn.jiaxiao.filter.typo.DeDiDeDetector;
import cn.jiaxiao.filter.typo.GrammarPatternDetector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diagnostic, not a test: where the time of a full check goes on the benchmark's 64 texts of 500 chars.
 * Times each detector alone (ns per text; the shared views — normalised text, folded digits, student mentions —
 * are computed before the clock starts, so a detector is not charged for them), the shared views themselves, and
 * the full {@code check()} with p50/p99 per call. Lines are interleaved round by round so a load spike from other
 * builds on the shared machine hits every line alike; the best round is the figure least disturbed by them.
 *
 * <pre>
 * cd /work/main && mvn -q -pl content-filter test-compile exec:java \
 *     -Dexec.mainClass=cn.jiaxiao.filter.bench.DetectorTimes -Dexec.classpathScope=test
 * </pre>
 */
public final class DetectorTimes {

    private static final int ROUNDS = 15;
    /** Passes over the 64 texts per line and round. */
    private static final int PASSES = 100;

    /** One measured line: runs one pass over the texts and returns the nanoseconds that count. */
    private interface Line {
        long pass();
    }

    private static long sink;

    private DetectorTimes() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts = BenchData.texts();
        TermLists lists = BenchData.termLists();
        ContentChecker checker = ContentChecker.builder().termLists(lists).build();
        ConfusableWords.preload();

        Map<String, Line> lines = new LinkedHashMap<>();
        lines.put("view: normalize", () -> {
            long t0 = System.nanoTime();
            for (String t : texts) {
                sink += TextNormalizer.instance().normalize(t).length();
            }
            return System.nanoTime() - t0;
        });
        lines.put("view: asciiDigits", () -> {
            long t0 = System.nanoTime();
            for (String t : texts) {
                sink += new CheckInput(t, CheckOptions.DEFAULTS).asciiDigits().length();
            }
            return System.nanoTime() - t0;
        });
        lines.put("view: student mentions", () -> {
            long t0 = System.nanoTime();
            for (String t : texts) {
                sink += StudentMentions.find(t).size();
            }
            return System.nanoTime() - t0;
        });
        for (Detector d : detectors(lists)) {
            lines.put(d.getClass().getSimpleName(), () -> {
                List<CheckInput> inputs = new ArrayList<>(texts.size());
                for (String t : texts) {
                    CheckInput in = new CheckInput(t, CheckOptions.DEFAULTS);
                    in.normalized();
                    in.asciiDigits();
                    StudentMentions.of(in);
                    inputs.add(in);
                }
                List<Finding> out = new ArrayList<>();
                long t0 = System.nanoTime();
                for (CheckInput in : inputs) {
                    d.detect(in, out);
                }
                long elapsed = System.nanoTime() - t0;
                sink += out.size();
                return elapsed;
            });
        }
        lines.put("full check()", () -> {
            long t0 = System.nanoTime();
            for (String t : texts) {
                sink += checker.check(t).findings().size();
            }
            return System.nanoTime() - t0;
        });

        System.out.printf("%d texts of %d chars, %d rounds × %d passes; load average at start: %s%n", texts.size(),
                BenchData.TEXT_LENGTH, ROUNDS, PASSES, loadAverage());
        Map<String, Double> best = new LinkedHashMap<>();
        long[] latencies = new long[texts.size() * PASSES];
        long bestP50 = Long.MAX_VALUE;
        long bestP99 = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Line> line : lines.entrySet()) {
                long total = 0;
                for (int pass = 0; pass < PASSES; pass++) {
                    total += line.getValue().pass();
                }
                best.merge(line.getKey(), (double) total / PASSES / texts.size(), Math::min);
            }
            int k = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                for (String t : texts) {
                    long t0 = System.nanoTime();
                    sink += checker.check(t).findings().size();
                    latencies[k++] = System.nanoTime() - t0;
                }
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            bestP50 = Math.min(bestP50, sorted[sorted.length / 2]);
            bestP99 = Math.min(bestP99, sorted[(int) (sorted.length * 0.99)]);
        }
        double sum = 0;
        for (Map.Entry<String, Double> e : best.entrySet()) {
            System.out.printf("%-28s %8.2f µs/text%n", e.getKey(), e.getValue() / 1000.0);
            if (!e.getKey().startsWith("full")) {
                sum += e.getValue();
            }
        }
        System.out.printf("%-28s %8.2f µs/text%n", "sum of views and detectors", sum / 1000.0);
        System.out.printf("full check() per call, best round: p50 %.1f µs, p99 %.1f µs%n", bestP50 / 1000.0,
                bestP99 / 1000.0);
        System.out.printf("load average at end: %s (sink %d)%n", loadAverage(), sink);
    }

    /** The same detectors, in the same order, as {@code ContentChecker.Builder.build()}. */
    private static List<Detector> detectors(TermLists lists) {
        return List.of(
                new BannedTermDetector(TermMatcher.build(lists)),
                new RankingDetector(),
                new IndividualNegativeDetector(),
                new LinkDetector(Set.of()),
                new NumberDetector(Set.of()),
                new HealthNearNameDetector(),
                new HomeAddressDetector(),
                new DeDiDeDetector(),
                new ConfusableWords(),
                new GrammarPatternDetector(),
                new SmsHygieneDetector(),
                new BracketBalanceDetector(),
                new DoubledWordDetector(),
                new MixedPunctuationDetector());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}

package cn.jiaxiao.filter.bench;

import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.banned.BannedTermDetector;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.filter.banned.TermMatcher;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;
import com.github.houbb.sensitive.word.support.ignore.SensitiveWordCharIgnores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of this module against com.github.houbb:sensitive-word 0.25.0 on the same ≥ 60,000 terms and the
 * same 500-char notices, both with normalisation (case, width, digit style, traditional, repeats) and
 * separator skipping on. Also the p99 latency of a full check (every detector, not only terms).
 *
 * <p>Run: see content-filter/README.md. Sized for a 2-core machine: one fork, short iterations.
 */
public class FilterBenchmark {

    @State(Scope.Benchmark)
    public static class Texts {
        List<String> texts;
        int next;

        @Setup
        public void setUp() {
            texts = BenchData.texts();
        }

        String nextText() {
            next = (next + 1) & 63;
            return texts.get(next);
        }
    }

    @State(Scope.Benchmark)
    public static class Ours {
        ContentChecker checker;
        BannedTermDetector termsOnly;

        @Setup
        public void setUp() {
            TermLists lists = BenchData.termLists();
            checker = ContentChecker.builder().termLists(lists).build();
            termsOnly = new BannedTermDetector(TermMatcher.build(lists));
        }
    }

    @State(Scope.Benchmark)
    public static class Theirs {
        SensitiveWordBs bs;

        @Setup
        public void setUp() {
            List<String> terms = BenchData.terms();
            List<String> allow = BenchData.whitelist();
            bs = SensitiveWordBs.newInstance()
                    .wordDeny(() -> terms)
                    .wordAllow(() -> allow)
                    .ignoreCase(true)
                    .ignoreWidth(true)
                    .ignoreNumStyle(true)
                    .ignoreChineseStyle(true)
                    .ignoreEnglishStyle(true)
                    .ignoreRepeat(true)
                    .charIgnore(SensitiveWordCharIgnores.specialChars())
                    .enableWordCheck(true)
                    .enableNumCheck(false)
                    .enableEmailCheck(false)
                    .enableUrlCheck(false)
                    .enableIpv4Check(false)
                    .init();
        }
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CheckResult oursFullCheck(Ours ours, Texts texts) {
        return ours.checker.check(texts.nextText());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Finding> oursTermsOnly(Ours ours, Texts texts) {
        List<Finding> out = new ArrayList<>();
        ours.termsOnly.detect(new CheckInput(texts.nextText(), CheckOptions.DEFAULTS), out);
        return out;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<String> sensitiveWord(Theirs theirs, Texts texts) {
        return theirs.bs.findAll(texts.nextText());
    }

    public static void main(String[] args) throws Exception {
        exposeClassPathToForks();
        sanityCheck();
        Options opts = new OptionsBuilder()
                .include(FilterBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(4)
                .measurementTime(TimeValue.seconds(3))
                .threads(1)
                .jvmArgs("-Xms1g", "-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        double ours = 0;
        double oursTerms = 0;
        double theirs = 0;
        double p99 = Double.NaN;
        double p50 = Double.NaN;
        for (RunResult rr : results) {
            String name = rr.getParams().getBenchmark();
            Mode mode = rr.getParams().getMode();
            double score = rr.getPrimaryResult().getScore();
            if (mode == Mode.Throughput) {
                if (name.endsWith("oursFullCheck")) {
                    ours = score;
                } else if (name.endsWith("oursTermsOnly")) {
                    oursTerms = score;
                } else if (name.endsWith("sensitiveWord")) {
                    theirs = score;
                }
            } else if (mode == Mode.SampleTime && name.endsWith("oursFullCheck")) {
                p99 = rr.getPrimaryResult().getStatistics().getPercentile(99);
                p50 = rr.getPrimaryResult().getStatistics().getPercentile(50);
            }
        }
        System.out.println();
        System.out.printf("terms: %d, text length: %d chars, cores: %d%n", BenchData.terms().size(),
                BenchData.TEXT_LENGTH, Runtime.getRuntime().availableProcessors());
        System.out.printf("content-filter full check : %10.1f ops/ms%n", ours);
        System.out.printf("content-filter terms only : %10.1f ops/ms%n", oursTerms);
        System.out.printf("sensitive-word 0.25.0     : %10.1f ops/ms%n", theirs);
        System.out.printf("ratio terms-only / sensitive-word : %.2fx (target >= 2x)%n", oursTerms / theirs);
        System.out.printf("ratio full check / sensitive-word : %.2fx%n", ours / theirs);
        System.out.printf("full check latency p50 %.4f ms, p99 %.4f ms (target p99 < 0.2 ms)%n", p50, p99);
    }

    /** Both sides must really find the terms, or the comparison measures nothing. */
    private static void sanityCheck() {
        Ours ours = new Ours();
        ours.setUp();
        Theirs theirs = new Theirs();
        theirs.setUp();
        int oursHits = 0;
        int theirHits = 0;
        for (String t : BenchData.texts()) {
            List<Finding> out = new ArrayList<>();
            ours.termsOnly.detect(new CheckInput(t, CheckOptions.DEFAULTS), out);
            oursHits += out.size();
            theirHits += theirs.bs.findAll(t).size();
        }
        System.out.printf("sanity: term hits over the 64 texts: content-filter %d, sensitive-word %d%n", oursHits,
                theirHits);
    }

    /** Under exec:java the test classpath lives in a class loader, not in java.class.path; forks need it. */
    private static void exposeClassPathToForks() {
        ClassLoader cl = FilterBenchmark.class.getClassLoader();
        if (cl instanceof URLClassLoader ucl && ucl.getURLs().length > 1) {
            StringBuilder cp = new StringBuilder();
            for (URL u : ucl.getURLs()) {
                if (cp.length() > 0) {
                    cp.append(File.pathSeparator);
                }
                cp.append(new File(u.getPath()).getPath());
            }
            System.setProperty("java.class.path", cp.toString());
        }
    }
}

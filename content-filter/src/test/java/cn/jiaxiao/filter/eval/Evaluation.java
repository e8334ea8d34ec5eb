package cn.jiaxiao.filter.eval;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the checker over the labelled set and scores it per notice. A category counts as detected when it has a
 * BLOCK finding, except for categories that only ever warn by design (GRAMMAR, UNKNOWN_LINK), where any finding
 * counts. SMS hygiene is not labelled and not scored.
 */
public final class Evaluation {

    static final Set<Category> WARN_ONLY = EnumSet.of(Category.GRAMMAR, Category.UNKNOWN_LINK);

    public record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    public record Miss(LabelledNotice notice, Set<Category> detected, List<Finding> findings) {
    }

    final List<LabelledNotice> notices;
    final Map<Category, Counts> perCategory = new EnumMap<>(Category.class);
    final List<Miss> misses = new ArrayList<>();
    int cleanNotices;
    int cleanBlocked;
    int cleanWarned;
    int bannedExpected;
    int bannedFound;
    int evasionExpected;
    int evasionFound;
    int typoBlockNotices;
    int typoBlockCorrect;

    private Evaluation(List<LabelledNotice> notices) {
        this.notices = notices;
    }

    public static Evaluation run(ContentChecker checker) {
        return run(checker, LabelledNotice.load());
    }

    /** Only the notices written after the lists were frozen (label prefix "heldout-"). */
    public static Evaluation runHeldOut(ContentChecker checker) {
        return run(checker, LabelledNotice.load().stream().filter(n -> n.label().startsWith("heldout-")).toList());
    }

    public static Evaluation run(ContentChecker checker, List<LabelledNotice> notices) {
        Evaluation e = new Evaluation(notices);
        Map<Category, int[]> c = new EnumMap<>(Category.class);
        for (LabelledNotice n : e.notices) {
            CheckResult r = checker.check(n.text());
            Set<Category> detected = detected(r);
            for (Category cat : Category.values()) {
                if (cat == Category.SMS_HYGIENE) {
                    continue;
                }
                int[] k = c.computeIfAbsent(cat, x -> new int[3]);
                boolean exp = n.expected().contains(cat);
                boolean got = detected.contains(cat);
                if (exp && got) {
                    k[0]++;
                } else if (got) {
                    k[1]++;
                } else if (exp) {
                    k[2]++;
                }
            }
            if (!detected.containsAll(n.expected()) || !n.expected().containsAll(detected)) {
                e.misses.add(new Miss(n, detected, r.findings()));
            }
            if (n.isClean()) {
                e.cleanNotices++;
                if (r.verdict() == Verdict.BLOCK) {
                    e.cleanBlocked++;
                } else if (r.verdict() == Verdict.WARN) {
                    e.cleanWarned++;
                }
            }
            for (Category exp : n.expected()) {
                if (exp.isBanned()) {
                    e.bannedExpected++;
                    boolean found = detected.contains(exp);
                    e.bannedFound += found ? 1 : 0;
                    if (n.label().endsWith("evasion")) {
                        e.evasionExpected++;
                        e.evasionFound += found ? 1 : 0;
                    }
                }
            }
            if (detected.contains(Category.TYPO)) {
                e.typoBlockNotices++;
                e.typoBlockCorrect += n.expected().contains(Category.TYPO) ? 1 : 0;
            }
        }
        c.forEach((cat, k) -> e.perCategory.put(cat, new Counts(k[0], k[1], k[2])));
        return e;
    }

    static Set<Category> detected(CheckResult r) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (Finding f : r.findings()) {
            if (f.severity() == Severity.BLOCK || WARN_ONLY.contains(f.category())) {
                out.add(f.category());
            }
        }
        out.remove(Category.SMS_HYGIENE);
        return out;
    }

    public double bannedRecall() {
        return bannedExpected == 0 ? 1.0 : (double) bannedFound / bannedExpected;
    }

    public double evasionRecall() {
        return evasionExpected == 0 ? 1.0 : (double) evasionFound / evasionExpected;
    }

    public double falseBlockRate() {
        return cleanNotices == 0 ? 0.0 : (double) cleanBlocked / cleanNotices;
    }

    public double typoBlockPrecision() {
        return typoBlockNotices == 0 ? 1.0 : (double) typoBlockCorrect / typoBlockNotices;
    }

    public int size() {
        return notices.size();
    }

    public List<Miss> misses() {
        return misses;
    }

    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Evaluation set: %d notices (%d clean)%n%n", notices.size(), cleanNotices));
        sb.append(String.format("%-26s %5s %5s %5s %10s %8s%n", "category", "TP", "FP", "FN", "precision", "recall"));
        perCategory.forEach((cat, k) -> {
            if (k.tp() + k.fp() + k.fn() > 0) {
                sb.append(String.format("%-26s %5d %5d %5d %9.1f%% %7.1f%%%n", cat, k.tp(), k.fp(), k.fn(),
                        100 * k.precision(), 100 * k.recall()));
            }
        });
        sb.append(String.format("%nbanned-content recall (all)      %6.1f%%  (%d/%d)   target >= 98%%%n",
                100 * bannedRecall(), bannedFound, bannedExpected));
        sb.append(String.format("banned-content recall (evasions) %6.1f%%  (%d/%d)%n",
                100 * evasionRecall(), evasionFound, evasionExpected));
        sb.append(String.format("false BLOCK rate on clean        %6.2f%%  (%d/%d)   target <= 0.5%%%n",
                100 * falseBlockRate(), cleanBlocked, cleanNotices));
        sb.append(String.format("clean notices with a WARN        %6.1f%%  (%d/%d)%n",
                100.0 * cleanWarned / Math.max(1, cleanNotices), cleanWarned, cleanNotices));
        sb.append(String.format("typo BLOCK precision             %6.1f%%  (%d/%d)   target >= 95%%%n",
                100 * typoBlockPrecision(), typoBlockCorrect, typoBlockNotices));
        return sb.toString();
    }
}

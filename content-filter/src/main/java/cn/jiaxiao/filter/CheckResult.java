package cn.jiaxiao.filter;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Verdict plus the findings behind it, sorted by start offset. */
public record CheckResult(Verdict verdict, List<Finding> findings) {

    static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::start)
            .thenComparingInt(Finding::end)
            .thenComparing(Finding::category)
            .thenComparing(Finding::rule);

    public CheckResult {
        findings = List.copyOf(findings);
    }

    public static CheckResult of(List<Finding> findings) {
        List<Finding> sorted = findings.stream().sorted(ORDER).toList();
        Verdict verdict = Verdict.PASS;
        for (Finding f : sorted) {
            if (f.blocks()) {
                verdict = Verdict.BLOCK;
                break;
            }
            verdict = Verdict.WARN;
        }
        return new CheckResult(verdict, sorted);
    }

    public Set<Category> categories() {
        return findings.stream().map(Finding::category).collect(Collectors.toSet());
    }

    public Set<Category> blockingCategories() {
        return findings.stream().filter(Finding::blocks).map(Finding::category).collect(Collectors.toSet());
    }
}

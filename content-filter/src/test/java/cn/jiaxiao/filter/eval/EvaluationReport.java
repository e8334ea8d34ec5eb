package cn.jiaxiao.filter.eval;

import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import com.github.houbb.sensitive.word.bs.SensitiveWordBs;

/** Prints precision/recall per category for the labelled set, then every notice scored wrongly. */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /** Why the lists are curated: a general-purpose lexicon on the same clean notices. */
    private static void printGeneralLexiconComparison() {
        SensitiveWordBs general = SensitiveWordBs.newInstance().init();
        int clean = 0;
        int flagged = 0;
        java.util.Map<String, Integer> words = new java.util.TreeMap<>();
        for (LabelledNotice n : LabelledNotice.load()) {
            if (!n.isClean()) {
                continue;
            }
            clean++;
            java.util.List<String> hits = general.findAll(n.text());
            if (!hits.isEmpty()) {
                flagged++;
                hits.forEach(h -> words.merge(h, 1, Integer::sum));
            }
        }
        System.out.printf("For comparison, sensitive-word 0.25.0 with its built-in lexicon flags %d of %d clean notices"
                + " (%.1f%%); most frequent hits: %s%n%n", flagged, clean, 100.0 * flagged / clean,
                words.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15).toList());
    }

    public static void main(String[] args) {
        ContentChecker checker = ContentChecker.withDefaults();
        Evaluation e = Evaluation.run(checker);
        System.out.println("== Whole set ==");
        System.out.println(e.report());
        System.out.println("== Held-out part only (written after the lists were frozen) ==");
        System.out.println(Evaluation.runHeldOut(checker).report());
        printGeneralLexiconComparison();
        if (!e.misses().isEmpty()) {
            System.out.println("Notices scored differently from their label:");
            for (Evaluation.Miss m : e.misses()) {
                System.out.printf("  line %d [%s] expected %s got %s: %s%n", m.notice().line(), m.notice().label(),
                        m.notice().expected(), m.detected(), m.notice().text());
                for (Finding f : m.findings()) {
                    System.out.printf("      %s %s %s \"%s\"%n", f.severity(), f.category(), f.rule(), f.match());
                }
            }
        }
    }
}

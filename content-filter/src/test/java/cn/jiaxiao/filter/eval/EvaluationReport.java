package cn.jiaxiao.filter.eval;

import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.typo.ConfusableWords;
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

    /** Load time and heap of the jieba dictionary behind typo.confusable (heap: used-memory delta around GCs). */
    private static void printDictionaryCost() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        ConfusableWords.preload();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%s%nfirst use: %d ms; retained heap after GC: %.1f MiB (used-memory delta)%n%n",
                ConfusableWords.dictionaryStats(), ms, (after - before) / 1048576.0);
    }

    /** typo.confusable alone: what it does on clean notices and on the labelled confusable-word typos. */
    private static void printConfusableRule(ContentChecker checker) {
        int cleanBlock = 0;
        int cleanWarn = 0;
        int clean = 0;
        int typos = 0;
        int typoBlock = 0;
        int typoWarn = 0;
        java.util.List<String> cleanHits = new java.util.ArrayList<>();
        for (LabelledNotice n : LabelledNotice.load()) {
            java.util.List<Finding> fs = checker.check(n.text()).findings().stream()
                    .filter(f -> f.rule().equals(ConfusableWords.RULE)).toList();
            boolean block = fs.stream().anyMatch(Finding::blocks);
            if (n.isClean()) {
                clean++;
                cleanBlock += block ? 1 : 0;
                cleanWarn += !block && !fs.isEmpty() ? 1 : 0;
                fs.forEach(f -> cleanHits.add(f.severity() + " " + f.match() + "→" + f.suggestion() + " in: "
                        + n.text()));
            } else if (n.label().equals("confusable-typo")) {
                typos++;
                typoBlock += block ? 1 : 0;
                typoWarn += !block && !fs.isEmpty() ? 1 : 0;
            }
        }
        System.out.printf("typo.confusable alone: clean notices BLOCKed %d/%d, WARNed %d/%d; labelled confusable-word"
                + " typos BLOCKed %d/%d, WARNed %d/%d%n", cleanBlock, clean, cleanWarn, clean, typoBlock, typos,
                typoWarn, typos);
        cleanHits.forEach(h -> System.out.println("  on clean: " + h));
        System.out.println();
    }

    public static void main(String[] args) {
        printDictionaryCost();
        ContentChecker checker = ContentChecker.withDefaults();
        Evaluation e = Evaluation.run(checker);
        System.out.println("== Whole set ==");
        System.out.println(e.report());
        System.out.println("== Held-out part only (written after the lists were frozen) ==");
        System.out.println(Evaluation.runHeldOut(checker).report());
        printGeneralLexiconComparison();
        printConfusableRule(checker);
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

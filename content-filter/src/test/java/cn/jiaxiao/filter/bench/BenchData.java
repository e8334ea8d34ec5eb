package cn.jiaxiao.filter.bench;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.banned.TermEntry;
import cn.jiaxiao.filter.banned.TermLists;
import cn.jiaxiao.filter.eval.LabelledNotice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The shared, deterministic workload: the shipped banned terms plus generated CJK terms (≥ 60,000 in all), and
 * ~500-char notices built from the evaluation set (clean ones and ones with disguised banned terms).
 */
public final class BenchData {

    public static final int TERM_TARGET = 60_000;
    public static final int TEXT_LENGTH = 500;

    private BenchData() {
    }

    public static List<String> terms() {
        Set<String> terms = new LinkedHashSet<>();
        TermLists defaults = TermLists.defaults();
        for (TermEntry e : defaults.entries()) {
            if (e.category().isBanned() || e.category() == Category.COMMERCIAL) {
                terms.add(e.term());
            }
        }
        String common = commonChars();
        Random r = new Random(60_000);
        while (terms.size() < TERM_TARGET) {
            int len = 2 + r.nextInt(3);
            StringBuilder sb = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                // Half the generated terms use characters that really occur in notices, so the automaton walks
                // deep paths on real text instead of failing at the root.
                sb.append(r.nextBoolean() ? common.charAt(r.nextInt(common.length()))
                        : (char) (0x4E00 + r.nextInt(0x9FA5 - 0x4E00)));
            }
            terms.add(sb.toString());
        }
        return new ArrayList<>(terms);
    }

    public static List<String> whitelist() {
        return new ArrayList<>(TermLists.defaults().whitelist());
    }

    public static TermLists termLists() {
        return TermLists.builder().version("bench").add(Category.NEGATIVE, terms()).whitelist(whitelist()).build();
    }

    /** 64 texts of about {@link #TEXT_LENGTH} chars, each a run of consecutive notices from the set. */
    public static List<String> texts() {
        List<LabelledNotice> notices = LabelledNotice.load();
        Random r = new Random(500);
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < TEXT_LENGTH) {
                sb.append(notices.get(r.nextInt(notices.size())).text());
            }
            texts.add(sb.substring(0, TEXT_LENGTH));
        }
        return texts;
    }

    private static String commonChars() {
        StringBuilder sb = new StringBuilder();
        Set<Character> seen = new LinkedHashSet<>();
        for (LabelledNotice n : LabelledNotice.load()) {
            for (char c : n.text().toCharArray()) {
                if (c >= 0x4E00 && c <= 0x9FA5 && seen.add(c)) {
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}

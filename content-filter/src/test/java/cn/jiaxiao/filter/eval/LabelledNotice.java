package cn.jiaxiao.filter.eval;

import cn.jiaxiao.filter.Category;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One line of the labelled evaluation set (src/test/resources/eval/notices.tsv). */
public record LabelledNotice(int line, String label, Set<Category> expected, String text) {

    static final String RESOURCE = "/eval/notices.tsv";

    public static List<LabelledNotice> load() {
        try (InputStream in = LabelledNotice.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            List<LabelledNotice> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] cols = l.split("\t", 3);
                Set<Category> cats = EnumSet.noneOf(Category.class);
                if (!cols[1].equals("-")) {
                    for (String c : cols[1].split(",")) {
                        cats.add(Category.valueOf(c.strip()));
                    }
                }
                out.add(new LabelledNotice(i + 1, cols[0], cats, cols[2]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isClean() {
        return expected.isEmpty();
    }
}

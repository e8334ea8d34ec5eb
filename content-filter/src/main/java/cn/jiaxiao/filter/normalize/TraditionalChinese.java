package cn.jiaxiao.filter.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the shipped traditional → simplified character table into a dense BMP array. */
final class TraditionalChinese {

    static final String RESOURCE = "/cn/jiaxiao/filter/normalize/t2s.tsv";

    private TraditionalChinese() {
    }

    /** @return array indexed by char; 0 where there is no mapping */
    static char[] loadTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        try (InputStream in = TraditionalChinese.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.length() == 3 && line.charAt(1) == '\t') {
                    table[line.charAt(0)] = line.charAt(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}

package cn.jiaxiao.filter.banned;

import cn.jiaxiao.filter.Category;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Term lists per category plus the whitelist, as data. The gateway keeps them in the database and builds a new
 * checker from a new instance; {@link #defaults()} loads the lists shipped in this jar.
 */
public final class TermLists {

    /** Categories with a shipped list; the file is {@code terms/<name in lower case>.txt}. */
    public static final List<Category> LIST_CATEGORIES = List.of(Category.SUBVERSION, Category.RUMOUR,
            Category.OBSCENE_GAMBLING_VIOLENCE, Category.INSULT, Category.STATE_ORGANS, Category.TYPO,
            Category.SCHOOL_IMAGE, Category.NEGATIVE, Category.COMMERCIAL);

    static final String RESOURCE_DIR = "/cn/jiaxiao/filter/terms/";

    private final String version;
    private final List<TermEntry> entries;
    private final Set<String> whitelist;

    private TermLists(String version, List<TermEntry> entries, Set<String> whitelist) {
        this.version = version;
        this.entries = List.copyOf(entries);
        this.whitelist = Set.copyOf(whitelist);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The lists shipped as classpath resources under {@code cn/jiaxiao/filter/terms/}. */
    public static TermLists defaults() {
        Builder b = builder().version("default-" + readResource("VERSION").strip());
        for (Category c : LIST_CATEGORIES) {
            b.parse(c, readResource(fileName(c)));
        }
        b.parseWhitelist(readResource("whitelist.txt"));
        return b.build();
    }

    public static String fileName(Category category) {
        return category.name().toLowerCase() + ".txt";
    }

    private static String readResource(String name) {
        try (InputStream in = TermLists.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    public List<TermEntry> entries() {
        return entries;
    }

    public Set<String> whitelist() {
        return whitelist;
    }

    public int size() {
        return entries.size();
    }

    public List<TermEntry> entries(Category category) {
        return entries.stream().filter(e -> e.category() == category).collect(Collectors.toList());
    }

    /** A copy with more entries, e.g. a school's additions on top of the defaults. */
    public Builder toBuilder() {
        Builder b = builder().version(version);
        b.entries.addAll(entries);
        b.whitelist.addAll(whitelist);
        return b;
    }

    public static final class Builder {
        private String version = "unversioned";
        private final List<TermEntry> entries = new ArrayList<>();
        private final Set<String> whitelist = new LinkedHashSet<>();

        private Builder() {
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder add(TermEntry entry) {
            entries.add(entry);
            return this;
        }

        /** Adds each line in list syntax (see {@link TermEntry#parse}). */
        public Builder add(Category category, Collection<String> lines) {
            for (String line : lines) {
                TermEntry e = TermEntry.parse(category, line);
                if (e != null) {
                    entries.add(e);
                }
            }
            return this;
        }

        public Builder parse(Category category, String listText) {
            return add(category, listText.lines().toList());
        }

        public Builder whitelist(Collection<String> phrases) {
            for (String p : phrases) {
                String s = p.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    whitelist.add(s);
                }
            }
            return this;
        }

        public Builder parseWhitelist(String text) {
            return whitelist(text.lines().toList());
        }

        public TermLists build() {
            return new TermLists(version, entries, whitelist);
        }
    }

    /** Reads a list file from any stream, e.g. an export of the database tables. */
    public static List<String> readLines(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        entries.forEach(e -> counts.merge(e.category(), 1L, Long::sum));
        return "TermLists[" + version + ", " + counts + ", whitelist=" + whitelist.size() + "]";
    }
}

package cn.jiaxiao.filter.text;

import cn.jiaxiao.filter.bench.BenchData;
import cn.jiaxiao.filter.eval.LabelledNotice;
import cn.jiaxiao.filter.personal.HomeAddressDetector;
import cn.jiaxiao.filter.personal.NumberDetector;
import cn.jiaxiao.filter.policy.LinkDetector;
import cn.jiaxiao.filter.policy.RankingDetector;
import cn.jiaxiao.filter.typo.GrammarPatternDetector;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StartCharPatternTest {

    private static List<int[]> plain(Pattern p, String text, int from, int to, boolean transparent) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text).region(from, to).useTransparentBounds(transparent);
        while (m.find()) {
            out.add(new int[]{m.start(), m.end()});
        }
        return out;
    }

    private static List<int[]> scanned(StartCharPattern p, String text, int from, int to, boolean transparent) {
        List<int[]> out = new ArrayList<>();
        StartCharPattern.Scan s = p.scan(text, from, to, transparent);
        while (s.find()) {
            out.add(new int[]{s.start(), s.end()});
        }
        return out;
    }

    @Test
    void sameMatchesAsFindIncludingLookbehindAnchorAndRegion() {
        StartCharPattern behind = new StartCharPattern(Pattern.compile("(?<![0-9])[0-9]{3}"), "0123456789");
        String text = "a1234 567 89 0123";
        assertThat(scanned(behind, text, 0, text.length(), true))
                .containsExactlyElementsOf(plain(behind.pattern(), text, 0, text.length(), true));

        StartCharPattern caret = new StartCharPattern(Pattern.compile("(?:^|。)\\s*通过"), "。 通");
        assertThat(scanned(caret, "通过了。通过", 0, 6, true)).extracting(m -> m[0]).containsExactly(0, 3);
        assertThat(scanned(caret, "x通过", 0, 3, true)).isEmpty(); // ^ is the text start, not the attempt's

        // a region cuts matches off at its end, as Matcher.region does
        StartCharPattern word = new StartCharPattern(Pattern.compile("排名表?"), "排");
        assertThat(scanned(word, "成绩排名表", 0, 4, false)).extracting(m -> m[1]).containsExactly(4);
        StartCharPattern.Scan s = word.scan("排名表排名", 0, 2, false);
        assertThat(s.find()).isTrue();
        assertThat(s.restart(3, 5).find()).isTrue();
        assertThat(s.start()).isEqualTo(3);
    }

    /** Shapes the evaluation set has few or none of: each 语病 pattern, a missing subject at the very start. */
    private static final List<String> EXTRA = List.of(
            "运动员们凯旋而归，大家亲眼目睹了最后的终点冲刺。本次涉及到的资料免费赠送，差距悬殊很大。",
            " 通过这次安全教育，使我们认识到防溺水的重要性。",
            "通过本次家长会，让家长了解了孩子的在校情况；经过一个月的训练，使同学们体能明显提高。",
            "本次活动大约有五十人左右参加，超过三百人以上报名。原因是路面结冰造成的。",
            "要防止安全事故不再发生。能否保持良好的心态，是考试取得好成绩的关键。");

    /**
     * Every detector's start-char set is complete: on the evaluation notices and the benchmark texts, every match
     * plain {@code find()} reports starts at one of its chars, so the scan reports the same matches.
     */
    @Test
    void detectorStartCharsCoverEveryMatchOfTheirPatterns() throws Exception {
        Map<String, StartCharPattern> patterns = new TreeMap<>();
        for (Class<?> c : List.of(RankingDetector.class, GrammarPatternDetector.class, NumberDetector.class,
                LinkDetector.class, HomeAddressDetector.class)) {
            collect(c, patterns);
        }
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(2 + 7 + 1 + 1 + 1);
        List<String> texts = new ArrayList<>(BenchData.texts());
        for (LabelledNotice n : LabelledNotice.load()) {
            texts.add(n.text());
        }
        texts.addAll(EXTRA);
        int matches = 0;
        for (Map.Entry<String, StartCharPattern> e : patterns.entrySet()) {
            StartCharPattern p = e.getValue();
            int found = 0;
            for (String t : texts) {
                List<int[]> expected = plain(p.pattern(), t, 0, t.length(), true);
                for (int[] m : expected) {
                    assertThat(p.canStartWith(t.charAt(m[0])))
                            .as("%s must start at %s in %s", e.getKey(), t.charAt(m[0]), t).isTrue();
                }
                assertThat(scanned(p, t, 0, t.length(), true)).as(e.getKey() + " on " + t)
                        .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(expected);
                found += expected.size();
            }
            assertThat(found).as("the corpus exercises %s", e.getKey()).isPositive();
            matches += found;
        }
        assertThat(matches).isGreaterThan(100);
    }

    /** Static StartCharPattern fields, and those held by records in static lists (GrammarPatternDetector's rules). */
    private static void collect(Class<?> c, Map<String, StartCharPattern> into) throws Exception {
        for (Field f : c.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(null);
            if (v instanceof StartCharPattern p) {
                into.put(c.getSimpleName() + "." + f.getName(), p);
            } else if (v instanceof List<?> list) {
                for (Object o : list) {
                    if (o == null || !o.getClass().isRecord()) {
                        continue;
                    }
                    RecordComponent[] components = o.getClass().getRecordComponents();
                    for (RecordComponent rc : components) {
                        rc.getAccessor().setAccessible(true);
                    }
                    for (RecordComponent rc : components) {
                        if (rc.getType() == StartCharPattern.class) {
                            // named by the record's first component (the rule id)
                            into.put(c.getSimpleName() + "." + components[0].getAccessor().invoke(o),
                                    (StartCharPattern) rc.getAccessor().invoke(o));
                        }
                    }
                }
            }
        }
    }
}

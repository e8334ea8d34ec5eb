package cn.jiaxiao.filter.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class AhoCorasickTest {

    private static Set<String> scan(AhoCorasick ac, String text, List<String> keys) {
        Set<String> out = new TreeSet<>();
        ac.scan(text.toCharArray(), text.length(), (s, e, p) -> out.add(s + ":" + e + ":" + keys.get(p)));
        return out;
    }

    @Test
    void findsOverlappingAndNestedKeys() {
        List<String> keys = List.of("he", "she", "his", "hers", "赌博", "博彩", "赌");
        AhoCorasick.Builder b = AhoCorasick.builder();
        for (int i = 0; i < keys.size(); i++) {
            b.add(keys.get(i), i);
        }
        AhoCorasick ac = b.build();
        assertThat(scan(ac, "ushers", keys)).containsExactlyInAnyOrder("1:4:she", "2:4:he", "2:6:hers");
        assertThat(scan(ac, "赌博彩", keys)).containsExactlyInAnyOrder("0:1:赌", "0:2:赌博", "1:3:博彩");
        assertThat(ac.keyCount()).isEqualTo(7);
    }

    @Test
    void agreesWithNaiveSearchOnRandomInput() {
        Random r = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(randomWord(r, 1 + r.nextInt(4)));
        }
        AhoCorasick.Builder b = AhoCorasick.builder();
        for (int i = 0; i < keys.size(); i++) {
            b.add(keys.get(i), i);
        }
        AhoCorasick ac = b.build();
        for (int round = 0; round < 50; round++) {
            String text = randomWord(r, 200);
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < keys.size(); i++) {
                String k = keys.get(i);
                for (int at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
                    expected.add(at + ":" + (at + k.length()) + ":" + k);
                }
            }
            assertThat(scan(ac, text, keys)).isEqualTo(expected);
        }
    }

    private static String randomWord(Random r, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            sb.append((char) (r.nextBoolean() ? 'a' + r.nextInt(4) : '赌' + r.nextInt(3)));
        }
        return sb.toString();
    }
}

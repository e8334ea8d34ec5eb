package cn.jiaxiao.filter;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RobustnessTest {

    private static final ContentChecker CHECKER = ContentChecker.withDefaults();

    @Test
    void randomUnicodeNeverThrowsAndSpansAreConsistent() {
        Random r = new Random(20261122);
        String alphabet = "赌博傻逼红包排名第一名分张李王同学作弊家住路号。，！？ \u200b\u3000*.-①９二賭（）【】“”的地得http://a.xyz/13812345678";
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(120);
            for (int k = 0; k < len; k++) {
                switch (r.nextInt(6)) {
                    case 0 -> sb.append((char) r.nextInt(0x10000)); // includes lone surrogates
                    case 1 -> sb.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000));
                    case 2 -> sb.append((char) ('0' + r.nextInt(10)));
                    default -> sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
            }
            String text = sb.toString();
            CheckResult res = CHECKER.check(text, CheckOptions.sms("【示范中学】", 3));
            assertConsistent(text, res);
        }
    }

    @Test
    void edgeCases() {
        for (String s : List.of("", " ", "\u200b", "。", "\ud800", "\udc00\ud800", "a".repeat(20000),
                "赌".repeat(5000), "（".repeat(1000), "1".repeat(5000))) {
            assertConsistent(s, CHECKER.check(s));
        }
        assertThat(CHECKER.check("").verdict()).isEqualTo(Verdict.PASS);
    }

    private static void assertConsistent(String text, CheckResult res) {
        int prev = -1;
        for (Finding f : res.findings()) {
            assertThat(f.start()).isBetween(0, text.length());
            assertThat(f.end()).isBetween(f.start(), text.length());
            assertThat(f.match()).isEqualTo(text.substring(f.start(), f.end()));
            assertThat(f.start()).isGreaterThanOrEqualTo(prev);
            prev = f.start();
        }
        Verdict expected = res.findings().stream().anyMatch(Finding::blocks) ? Verdict.BLOCK
                : res.findings().isEmpty() ? Verdict.PASS : Verdict.WARN;
        assertThat(res.verdict()).isEqualTo(expected);
    }
}

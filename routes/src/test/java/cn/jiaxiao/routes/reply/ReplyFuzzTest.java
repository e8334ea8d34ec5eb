package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing in plain JUnit: many inputs, cheap per input, reproducible from the seed in the message.
 * {@link ReplyParserPropertiesTest} does the same with jqwik's generators and shrinking, on fewer tries.
 */
class ReplyFuzzTest {

    // -Dfuzz.scale=10 for the long run (100,000 and 20,000); the default keeps the build quick
    static final int RANDOM_INPUTS = 10_000 * Integer.getInteger("fuzz.scale", 1);
    static final int GENERATED_LEAVES = 2_000 * Integer.getInteger("fuzz.scale", 1);
    private static final long SEED = 20261124L;
    private static final List<List<String>> FAMILIES = List.of(
            List.of(), List.of("张三"), List.of("张三", "李四"), List.of("王小明", "王小红", "欧阳娜娜"));

    @Test
    void anyInputGivesAConsistentResultAndNoException() {
        Random random = new Random(SEED);
        RandomReplies replies = new RandomReplies(random);
        AutoReplyDetector detector = new AutoReplyDetector("【示范中学】");
        long started = System.nanoTime();
        for (int i = 0; i < RANDOM_INPUTS; i++) {
            String text = replies.next();
            LocalDate today = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(1000));
            List<String> children = FAMILIES.get(random.nextInt(FAMILIES.size()));
            ReplyIntent intent;
            try {
                intent = ReplyParser.parse(text, today, children);
                detector.isAutomatic(text, List.of(text));
            } catch (Throwable e) {
                throw new AssertionError("input " + i + " of seed " + SEED + " threw: " + escape(text), e);
            }
            String problem = ReplyInvariants.violation(intent, today, children);
            if (problem != null) {
                fail("input %d of seed %d: %s for %s", i, SEED, problem, escape(text));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%d random replies parsed in %d ms%n", RANDOM_INPUTS, millis);
        // No time limit asserted (a shared 2-core machine makes it flaky); catastrophic regex backtracking would
        // still show as a build that doesn't finish, and the figure is printed.
    }

    @Test
    void aGeneratedLeaveRequestIsReadBackExactly() {
        LeaveRequestGenerator generator = new LeaveRequestGenerator(new Random(SEED));
        for (int i = 0; i < GENERATED_LEAVES; i++) {
            LeaveRequestGenerator.Generated g = generator.next();
            ReplyIntent intent = ReplyParser.parse(g.text(), g.today(), g.children());
            if (!g.expected().equals(intent)) {
                fail("leave %d of seed %d, today %s, children %s:%n  %s%n  expected %s%n  but was  %s",
                        i, SEED, g.today(), g.children(), escape(g.text()), g.expected(), intent);
            }
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        for (char c : shown.toCharArray()) {
            if (c < 0x20 || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}

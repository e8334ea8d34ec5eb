package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Property-based checks with jqwik: any string is read without failing; generated leaves are read back. */
class ReplyParserPropertiesTest {

    private static final List<String> CHILDREN = List.of("张三", "李四");

    @Property(tries = 1_000)
    void anyStringAtAllGivesAConsistentResult(@ForAll("anyText") String text,
                                              @ForAll @IntRange(min = 0, max = 1000) int day) {
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(day);
        ReplyIntent intent = ReplyParser.parse(text, today, CHILDREN);
        assertThat(ReplyInvariants.violation(intent, today, CHILDREN)).isNull();
        new AutoReplyDetector("示范中学").isAutomatic(text, List.of(text));
    }

    @Property(tries = 1_000)
    void mixturesOfTheWordsTheParserLooksForGiveAConsistentResult(@ForAll("mixtures") String text) {
        LocalDate today = LocalDate.of(2026, 11, 24);
        assertThat(ReplyInvariants.violation(ReplyParser.parse(text, today, CHILDREN), today, CHILDREN)).isNull();
    }

    @Property(tries = 1_000)
    void aGeneratedLeaveRequestIsReadBackExactly(@ForAll("leaves") LeaveRequestGenerator.Generated g) {
        assertThat(ReplyParser.parse(g.text(), g.today(), g.children())).as(g.text()).isEqualTo(g.expected());
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().all().ofMinLength(400).ofMaxLength(3_000),
                Arbitraries.strings().withCharRange('\u3000', '\u9fff').withChars("0123456789-./?！，").ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> mixtures() {
        return Arbitraries.randomValue(random -> new RandomReplies(random).next());
    }

    @Provide
    Arbitrary<LeaveRequestGenerator.Generated> leaves() {
        return Arbitraries.randomValue(random -> new LeaveRequestGenerator(random).next());
    }
}

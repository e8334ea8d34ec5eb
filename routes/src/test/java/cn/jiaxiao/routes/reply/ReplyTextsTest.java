package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyTextsTest {

    private final ReplyTexts texts = new ReplyTexts("示范中学");
    private final AutoReplyDetector detector = new AutoReplyDetector("示范中学");

    @Test
    void answersAreSignedAndAreThemselvesRecognisedAsAutomaticIfEchoed() {
        for (String text : new String[] {texts.help(), texts.notUnderstood(), texts.optedOut(),
                texts.clarify(new NeedsClarification(Set.of(NeedsClarification.Problem.DATE_MISSING), "张三", null,
                        null, null, null, ""))}) {
            assertThat(text).startsWith("【示范中学】");
            assertThat(detector.isAutomatic(text)).as(text).isTrue();
        }
    }

    @Test
    void helpIsNotReadAsAHelpRequestOrLeaveRequestByTheParser() {
        // if a phone bounced our help text back without our signature, it must not look like a parent's request
        ReplyIntent intent = ReplyParser.parse(ReplyTexts.HELP_BODY, LocalDate.of(2025, 5, 12), java.util.List.of());
        assertThat(intent).isNotInstanceOf(OptOut.class);
    }

    @Test
    void periods() {
        LocalDate d = LocalDate.of(2025, 5, 12);
        assertThat(ReplyTexts.period(d, d, DayPart.FULL_DAY)).isEqualTo("5月12日");
        assertThat(ReplyTexts.period(d, d, DayPart.MORNING)).isEqualTo("5月12日上午");
        assertThat(ReplyTexts.period(d, d.plusDays(1), DayPart.FULL_DAY)).isEqualTo("5月12日至5月13日");
    }
}

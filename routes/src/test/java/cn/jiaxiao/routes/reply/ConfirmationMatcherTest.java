package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.routes.reply.ConfirmationMatcher.Candidate;
import cn.jiaxiao.routes.reply.ConfirmationMatcher.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmationMatcherTest {

    private static final Instant NOW = Instant.parse("2025-05-12T02:00:00Z");
    private static final Instant WINDOW = NOW.minus(Duration.ofDays(3));

    private static Candidate sent(long id, Duration ago, boolean confirmed) {
        return new Candidate(id, id, NOW.minus(ago), confirmed);
    }

    private static Optional<ServiceNumbers.Extension> code(long code) {
        return Optional.of(new ServiceNumbers.Extension(code, 10_000));
    }

    @Test
    void theExtensionCodeNamesTheNoticeEvenWhenAnotherIsOpen() {
        var match = ConfirmationMatcher.match(code(41), List.of(sent(41, Duration.ofHours(5), false),
                sent(42, Duration.ofHours(1), false)), WINDOW);
        assertThat(match.kind()).isEqualTo(Kind.MATCHED);
        assertThat(match.candidate().noticeId()).isEqualTo(41);
        assertThat(match.byExtension()).isTrue();
    }

    @Test
    void theCodeIsTheNoticeIdModuloTheExtensionDigits() {
        var match = ConfirmationMatcher.match(code(3), List.of(sent(10_003, Duration.ofHours(2), false),
                sent(4, Duration.ofHours(1), false)), WINDOW);
        assertThat(match.candidate().noticeId()).isEqualTo(10_003);
    }

    @Test
    void withoutACodeTheOnlyOpenNoticeInTheWindowIsTheAnswer() {
        var match = ConfirmationMatcher.match(Optional.empty(), List.of(sent(7, Duration.ofHours(2), false),
                sent(6, Duration.ofHours(30), true), sent(5, Duration.ofDays(10), false)), WINDOW);
        assertThat(match.kind()).isEqualTo(Kind.MATCHED);
        assertThat(match.candidate().noticeId()).isEqualTo(7);
        assertThat(match.byExtension()).isFalse();
    }

    @Test
    void twoOpenNoticesAreAmbiguousNotGuessed() {
        var match = ConfirmationMatcher.match(Optional.empty(), List.of(sent(7, Duration.ofHours(2), false),
                sent(8, Duration.ofHours(1), false)), WINDOW);
        assertThat(match.kind()).isEqualTo(Kind.AMBIGUOUS);
        assertThat(match.candidate()).isNull();
    }

    @Test
    void aCodeThatNamesNothingFallsBackToTheWindow() {
        var match = ConfirmationMatcher.match(code(99), List.of(sent(7, Duration.ofHours(2), false)), WINDOW);
        assertThat(match.kind()).isEqualTo(Kind.MATCHED);
        assertThat(match.byExtension()).isFalse();
    }

    @Test
    void aReminderAndItsOriginalAreOneQuestion() {
        Candidate original = new Candidate(7, 7, NOW.minus(Duration.ofHours(20)), false);
        Candidate reminder = new Candidate(9, 7, NOW.minus(Duration.ofHours(1)), false);
        var match = ConfirmationMatcher.match(Optional.empty(), List.of(original, reminder), WINDOW);
        assertThat(match.kind()).isEqualTo(Kind.MATCHED);
        assertThat(match.candidate().countsOn()).isEqualTo(7);
    }

    @Test
    void nothingOpenIsAlreadyConfirmedOrNone() {
        assertThat(ConfirmationMatcher.match(Optional.empty(), List.of(sent(7, Duration.ofHours(2), true)), WINDOW)
                .kind()).isEqualTo(Kind.ALREADY_CONFIRMED);
        assertThat(ConfirmationMatcher.match(Optional.empty(), List.of(sent(7, Duration.ofDays(5), false)), WINDOW)
                .kind()).isEqualTo(Kind.NONE);
        assertThat(ConfirmationMatcher.match(Optional.empty(), List.of(), WINDOW).kind()).isEqualTo(Kind.NONE);
    }
}

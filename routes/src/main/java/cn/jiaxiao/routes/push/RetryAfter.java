package cn.jiaxiao.routes.push;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header, which is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
final class RetryAfter {

    private RetryAfter() {
    }

    /** The wait asked for, or null when the header is absent or unreadable. */
    static Duration parse(Optional<String> header, Clock clock) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}

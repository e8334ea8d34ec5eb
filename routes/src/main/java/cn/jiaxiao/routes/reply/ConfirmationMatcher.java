package cn.jiaxiao.routes.reply;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which notice a reply answers, never guessing.
 *
 * <p>With an extension code in the destination: the most recent reply-required notice sent to the number
 * whose id carries that code. Without one (the carrier dropped it), or when the code names none of them: the
 * reply-required notices sent to the number within the window that this guardian has not confirmed yet; one
 * such notice is the answer, several are {@link Kind#AMBIGUOUS} (recorded for the teacher), none is
 * {@link Kind#ALREADY_CONFIRMED} when something in the window was confirmed before, else {@link Kind#NONE}.
 * A reminder stands for its original notice ({@link Candidate#countsOn()}).
 */
public final class ConfirmationMatcher {

    private ConfirmationMatcher() {
    }

    /**
     * A reply-required notice sent to the number.
     *
     * @param noticeId the notice whose SMS went out (its id is in the source extension)
     * @param countsOn the notice the confirmation counts on: the original of a reminder, else {@code noticeId}
     * @param confirmed the guardian already confirmed {@code countsOn} (or replied to this absence alert)
     */
    public record Candidate(long noticeId, long countsOn, Instant sentAt, boolean confirmed) {
    }

    public enum Kind { MATCHED, ALREADY_CONFIRMED, AMBIGUOUS, NONE }

    public record Match(Kind kind, Candidate candidate, boolean byExtension) {

        static Match none() {
            return new Match(Kind.NONE, null, false);
        }
    }

    /**
     * @param extension the code the reply's destination carries, if any
     * @param candidates reply-required notices sent to the number (any age the caller keeps)
     * @param windowStart replies without a usable code only consider notices sent from this time on
     */
    public static Match match(Optional<ServiceNumbers.Extension> extension, List<Candidate> candidates,
            Instant windowStart) {
        Comparator<Candidate> newestFirst = Comparator.comparing(Candidate::sentAt).reversed()
                .thenComparing(Comparator.comparingLong(Candidate::noticeId).reversed());
        if (extension.isPresent()) {
            Optional<Candidate> byCode = candidates.stream().filter(c -> extension.get().matches(c.noticeId()))
                    .sorted(newestFirst).findFirst();
            if (byCode.isPresent()) {
                Candidate c = byCode.get();
                return new Match(c.confirmed() ? Kind.ALREADY_CONFIRMED : Kind.MATCHED, c, true);
            }
        }
        // One entry per notice counted on, its latest send: an original and its reminder are one question.
        Map<Long, Candidate> open = new LinkedHashMap<>();
        Candidate latestConfirmed = null;
        for (Candidate c : candidates.stream().sorted(newestFirst).toList()) {
            if (c.sentAt().isBefore(windowStart)) {
                continue;
            }
            if (c.confirmed()) {
                latestConfirmed = latestConfirmed == null ? c : latestConfirmed;
            } else {
                open.putIfAbsent(c.countsOn(), c);
            }
        }
        if (open.size() == 1) {
            return new Match(Kind.MATCHED, open.values().iterator().next(), false);
        }
        if (open.size() > 1) {
            return new Match(Kind.AMBIGUOUS, null, false);
        }
        return latestConfirmed != null ? new Match(Kind.ALREADY_CONFIRMED, latestConfirmed, false) : Match.none();
    }
}

package cn.jiaxiao.routes.reply;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads a parent's SMS reply into a {@link ReplyIntent}.
 *
 * <p>Order of reading, each on the {@link ReplyText} normalised form: a help request, an opt-out, a
 * confirmation (each only as the whole reply), then a leave request (only with a leave keyword), else
 * {@link Unparsed}. Automatic replies are not recognised here: the caller asks {@link AutoReplyDetector}
 * first and does not answer those at all.
 *
 * <p>Never throws: null, empty, very long or malformed text (unpaired surrogates, control characters) is
 * read like any other and, failing all else, comes back as {@link Unparsed}. Only the first
 * {@link ReplyText#MAX_CHARS} characters are read.
 */
public final class ReplyParser {

    private ReplyParser() {
    }

    /**
     * @param text the reply as received (may be null)
     * @param today the day the reply arrived, in the school's time zone; dates are resolved against it
     *        (null: fixed replies are still read, a leave request cannot be dated and is {@link Unparsed})
     * @param childrenNames the names of the sender's children in the school (may be null or empty)
     */
    public static ReplyIntent parse(String text, LocalDate today, List<String> childrenNames) {
        try {
            return read(text, today, childrenNames == null ? List.of() : childrenNames);
        } catch (RuntimeException e) {
            // A reply the rules trip over still reaches the teacher: it is never lost for a parsing bug.
            return new Unparsed(text);
        }
    }

    private static ReplyIntent read(String text, LocalDate today, List<String> children) {
        String normalized = ReplyText.normalize(text);
        String compact = ReplyText.compact(normalized);
        if (CommandWords.isHelp(compact, normalized)) {
            return new Help();
        }
        if (compact.isEmpty()) {
            return new Unparsed(text);
        }
        if (CommandWords.isOptOut(compact)) {
            return new OptOut();
        }
        if (ConfirmationWords.isConfirmation(compact)) {
            return new Confirmation();
        }
        if (today == null) {
            return new Unparsed(text);
        }
        return LeaveRequestParser.parse(normalized, today, children).orElseGet(() -> new Unparsed(text));
    }
}

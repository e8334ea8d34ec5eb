package cn.jiaxiao.routes.reply;

import cn.jiaxiao.routes.reply.NeedsClarification.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a leave request: finds the child, the leave keyword, the dates, the day part and the reason, and
 * checks them against {@link LeaveRules}.
 *
 * <p>Each finder blanks what it has read (with spaces, so positions stay put), so the reason is simply what
 * is left. A reply without a leave keyword, or one that asks about leave or takes it back, is not a leave
 * request (empty result). One with a keyword gives a {@link LeaveRequest} when everything is clear, else a
 * {@link NeedsClarification} saying what is not.
 */
final class LeaveRequestParser {

    /** Colloquial forms written out the long way before reading: 明早 is 明天上午. */
    private static final String[][] REWRITES = {
            {"明早", "明天上午"}, {"今早", "今天上午"}, {"明晨", "明天上午"}, {"明后天", "明后两天"}, {"今明天", "今明两天"},
    };

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]+");

    private LeaveRequestParser() {
    }

    /**
     * @param normalized the reply in {@link ReplyText#normalize} form
     * @param children the sender's children
     */
    static Optional<ReplyIntent> parse(String normalized, LocalDate today, List<String> children) {
        StringBuilder text = new StringBuilder(normalized);
        List<StudentNames.Named> named = StudentNames.findChildren(normalized, children);
        named.forEach(n -> blank(text, n.start(), n.end()));
        String working = rewrite(text.toString());

        Optional<LeaveKeyword.Match> keyword = LeaveKeyword.find(working);
        if (keyword.isEmpty()) {
            return Optional.empty();
        }
        LeaveKeyword.Match kw = keyword.get();
        text.setLength(0);
        text.append(working);
        blank(text, kw.start(), kw.end());

        LeaveDateParser.Result dates = LeaveDateParser.parse(text.toString(), today);
        DayPartParser.Result part = DayPartParser.parse(text.toString(), kw.halfDay());
        dates.found().forEach(d -> blank(text, d.start(), d.end()));
        part.spans().forEach(s -> blank(text, s[0], s[1]));

        Set<Problem> problems = EnumSet.noneOf(Problem.class);
        List<String> reasonWords = new ArrayList<>(LeaveReason.words(text.toString()));
        List<String> distinctNamed = named.stream().map(StudentNames.Named::name).distinct().toList();
        String student = null;
        String unknownName = null;
        if (distinctNamed.size() > 1) {
            problems.add(Problem.SEVERAL_STUDENTS);
        } else if (distinctNamed.size() == 1) {
            student = distinctNamed.get(0);
        } else {
            // Looked for among the cleaned words, so that greetings and thanks (谢谢) are already gone.
            unknownName = takeNameLikePiece(reasonWords);
            if (unknownName != null) {
                problems.add(Problem.STUDENT_UNKNOWN);
            } else {
                List<String> known = children.stream().filter(c -> c != null && !c.isBlank()).distinct().toList();
                if (known.size() == 1) {
                    student = known.get(0);
                } else {
                    problems.add(known.isEmpty() ? Problem.STUDENT_UNKNOWN : Problem.STUDENT_NOT_NAMED);
                }
            }
        }

        String reason = String.join(" ", reasonWords);
        if (reason.isEmpty()) {
            reason = kw.kind();
        }

        LocalDate[] range = range(dates, problems);
        if (range != null && kw.days() > 0) {
            if (range[0].equals(range[1])) {
                range[1] = range[0].plusDays(kw.days() - 1L);
            } else if (range[1].toEpochDay() - range[0].toEpochDay() + 1 != kw.days()) {
                problems.add(Problem.DATE_UNCLEAR);
            }
        }
        if (part.part() == null || (range != null && part.halfDay() && !range[0].equals(range[1]))) {
            problems.add(Problem.DATE_UNCLEAR);
        }
        if (range != null && !LeaveRules.withinBounds(today, range[0], range[1])) {
            problems.add(Problem.DATE_OUT_OF_RANGE);
        }

        if (problems.isEmpty()) {
            return Optional.of(new LeaveRequest(student, range[0], range[1], part.part(), reason));
        }
        return Optional.of(new NeedsClarification(problems, student, unknownName,
                range == null ? null : range[0], range == null ? null : range[1], part.part(), reason));
    }

    /**
     * One range from all the dates found, when they are contiguous or overlap (明天、后天); null after adding
     * the problem when there is none or they have a gap.
     */
    private static LocalDate[] range(LeaveDateParser.Result dates, Set<Problem> problems) {
        if (dates.impossible()) {
            problems.add(Problem.DATE_UNCLEAR);
            return null;
        }
        if (dates.found().isEmpty()) {
            problems.add(Problem.DATE_MISSING);
            return null;
        }
        List<LeaveDateParser.Found> sorted = new ArrayList<>(dates.found());
        sorted.sort(Comparator.comparing(LeaveDateParser.Found::from));
        LocalDate from = sorted.get(0).from();
        LocalDate to = sorted.get(0).to();
        for (LeaveDateParser.Found next : sorted.subList(1, sorted.size())) {
            if (next.from().isAfter(to.plusDays(1))) {
                problems.add(Problem.DATE_UNCLEAR);
                return null;
            }
            if (next.to().isAfter(to)) {
                to = next.to();
            }
        }
        if (to.isBefore(from)) {
            problems.add(Problem.DATE_OUT_OF_RANGE);
            return null;
        }
        return new LocalDate[] {from, to};
    }

    /**
     * Finds the first piece of a reason word (between punctuation marks) shaped like a name, takes it out of
     * the words and returns it; null when there is none.
     */
    private static String takeNameLikePiece(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            for (String piece : PUNCTUATION.split(words.get(i))) {
                if (StudentNames.looksLikeName(piece)) {
                    List<String> rest = LeaveReason.words(words.get(i).replace(piece, " "));
                    words.remove(i);
                    words.addAll(i, rest);
                    return piece;
                }
            }
        }
        return null;
    }

    private static String rewrite(String text) {
        String s = text;
        for (String[] rewrite : REWRITES) {
            s = s.replace(rewrite[0], rewrite[1]);
        }
        return ChineseNumerals.toDigits(s);
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, text.length()); i++) {
            text.setCharAt(i, ' ');
        }
    }
}

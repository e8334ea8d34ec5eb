package cn.jiaxiao.routes.reply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates in a leave request and resolves them against today.
 *
 * <p>Understood: 今天/明天/后天/大后天/昨天/前天, 明后两天/今明两天, 2026年11月25日, 2026-11-25, 11月25日,
 * 11.25, 11/25, 11-25, 25日/25号, 周三/星期三/礼拜三 (with 下/下下/本/这/上 before), and ranges of any two of
 * them joined by -, ~, 至 or 到 (25日至26日, 11月25日到27日, 11.25-11.26, 11.25-26, 周三到周五), plus the
 * day range 25-26日. The text must already be normalised and its numerals be digits
 * ({@link ChineseNumerals}).
 *
 * <p>Decisions:
 * <ul>
 *   <li>A date without a year is the earliest occurrence not before {@link LeaveRules#earliest}
 *       (a week before today): on 2026-12-30, 1月2日 is 2027-01-02 and 12月28日 is 2026-12-28; on
 *       2027-01-02, 12月30日 is 2026-12-30. A day without a month (25号) is read the same way by month.</li>
 *   <li>A weekday alone (周三) is the next one on or after today; 下周三 is the Wednesday of next week
 *       (weeks start on Monday); 本周/这周 this week's, which may be past; 上周 last week's.</li>
 *   <li>a-b日 with 日 or 号 after it is a range of days (1-3号 is the 1st to the 3rd); without it, a-b is a
 *       month and a day (11-25).</li>
 *   <li>The second end of a range given as a bare day or weekday (到27日, 到周五) is the first such day on or
 *       after the first end.</li>
 * </ul>
 */
final class LeaveDateParser {

    private static final String CONNECTOR = "(?:-|~|〜|—|–|至|到)";
    private static final Pattern ATOM = Pattern.compile(
            "(?<combo>明后|今明)(?:两|2)天"
                    + "|(?<![\\d./])(?<dr1>\\d{1,2})[日号]?\\s?" + CONNECTOR + "\\s?(?<dr2>\\d{1,2})[日号](?!\\d)"
                    + "|(?<!\\d)(?:(?<y>\\d{4})\\s?[年./-]\\s?)?(?<m>\\d{1,2})\\s?[月./-]\\s?(?<d>\\d{1,2})[日号]?"
                    + "(?![\\d天])"
                    + "|(?<![\\d./])(?<day>\\d{1,2})[日号](?!\\d)"
                    + "|(?<rel>大后天|后天|明天|明日|明儿|今天|今日|今儿|昨天|昨日|前天)"
                    + "|(?<wp>下下个?|下个?|本|这个?|上个?)?(?:周|星期|礼拜)(?<wd>[一二三四五六日天1-7])");
    private static final Pattern JOIN = Pattern.compile("\\s?" + CONNECTOR + "\\s?");
    /** A range's second end written as a bare number after a month and day: 11.25-26. */
    private static final Pattern BARE_DAY_END =
            Pattern.compile("\\s?" + CONNECTOR + "\\s?(\\d{1,2})(?![\\d月./日号天])");

    /** A date or range found in the text, and where it stands (end exclusive). */
    record Found(LocalDate from, LocalDate to, int start, int end) {
    }

    /**
     * @param found the dates and ranges in text order
     * @param impossible true when some date expression names no real date (2月30日, 13月1日, 32号)
     */
    record Result(List<Found> found, boolean impossible) {
    }

    private LeaveDateParser() {
    }

    static Result parse(String text, LocalDate today) {
        List<Atom> atoms = new ArrayList<>();
        Matcher m = ATOM.matcher(text);
        while (m.find()) {
            atoms.add(Atom.of(m));
        }
        List<Found> found = new ArrayList<>();
        boolean impossible = false;
        for (int i = 0; i < atoms.size(); i++) {
            Atom atom = atoms.get(i);
            LocalDate[] range = atom.resolve(today);
            if (range == null) {
                impossible = true;
                continue;
            }
            int end = atom.end;
            if (i + 1 < atoms.size() && joined(text, atom.end, atoms.get(i + 1).start)) {
                Atom second = atoms.get(++i);
                LocalDate[] secondRange = second.resolveAfter(range[0], today);
                if (secondRange == null) {
                    impossible = true;
                    continue;
                }
                range = new LocalDate[] {range[0], secondRange[1]};
                end = second.end;
            } else if (atom.hasMonthAndDay()) {
                Matcher bare = BARE_DAY_END.matcher(text).region(atom.end, text.length());
                if (bare.lookingAt()) {
                    LocalDate to = dayOnOrAfter(Integer.parseInt(bare.group(1)), range[0]);
                    if (to == null) {
                        impossible = true;
                        continue;
                    }
                    range = new LocalDate[] {range[0], to};
                    end = bare.end();
                }
            }
            found.add(new Found(range[0], range[1], atom.start, end));
        }
        return new Result(found, impossible);
    }

    private static boolean joined(String text, int from, int to) {
        return from < to && JOIN.matcher(text).region(from, to).matches();
    }

    /** One date expression as matched, not yet resolved. */
    private record Atom(int start, int end, String combo, Integer rangeFirst, Integer rangeLast, Integer year,
                        Integer month, Integer day, String relative, String weekPrefix, String weekday) {

        static Atom of(Matcher m) {
            return new Atom(m.start(), m.end(), m.group("combo"), number(m.group("dr1")), number(m.group("dr2")),
                    number(m.group("y")), number(m.group("m")),
                    number(m.group("d") != null ? m.group("d") : m.group("day")),
                    m.group("rel"), m.group("wp"), m.group("wd"));
        }

        boolean hasMonthAndDay() {
            return month != null;
        }

        /** [from, to], or null when the expression cannot be a date. */
        LocalDate[] resolve(LocalDate today) {
            if (combo != null) {
                LocalDate first = combo.equals("今明") ? today : today.plusDays(1);
                return new LocalDate[] {first, first.plusDays(1)};
            }
            if (rangeFirst != null) {
                LocalDate from = dayNear(rangeFirst, today);
                LocalDate to = from == null ? null : dayOnOrAfter(rangeLast, from);
                return to == null ? null : new LocalDate[] {from, to};
            }
            LocalDate date;
            if (month != null) {
                date = year != null ? dateOrNull(year, month, day) : monthDayNear(month, day, today);
            } else if (day != null) {
                date = dayNear(day, today);
            } else if (relative != null) {
                date = today.plusDays(relativeOffset(relative));
            } else {
                date = weekdayDate(weekPrefix, dayOfWeek(weekday), today);
            }
            return date == null ? null : new LocalDate[] {date, date};
        }

        /** As the second end of a range: a bare day or weekday is read as the first one on or after {@code from}. */
        LocalDate[] resolveAfter(LocalDate from, LocalDate today) {
            LocalDate date;
            if (day != null && month == null) {
                date = dayOnOrAfter(day, from);
            } else if (weekday != null && weekPrefix == null) {
                date = from.with(TemporalAdjusters.nextOrSame(dayOfWeek(weekday)));
            } else {
                return resolve(today);
            }
            return date == null ? null : new LocalDate[] {date, date};
        }

        private static Integer number(String digits) {
            return digits == null ? null : Integer.valueOf(digits);
        }
    }

    private static int relativeOffset(String word) {
        return switch (word) {
            case "今天", "今日", "今儿" -> 0;
            case "明天", "明日", "明儿" -> 1;
            case "后天" -> 2;
            case "大后天" -> 3;
            case "昨天", "昨日" -> -1;
            case "前天" -> -2;
            default -> throw new IllegalStateException(word);
        };
    }

    private static DayOfWeek dayOfWeek(String weekday) {
        int index = "一二三四五六日".indexOf(weekday);
        if (index < 0) {
            index = weekday.equals("天") ? 6 : Integer.parseInt(weekday) - 1;
        }
        return DayOfWeek.of(index + 1);
    }

    private static LocalDate weekdayDate(String prefix, DayOfWeek day, LocalDate today) {
        if (prefix == null) {
            return today.with(TemporalAdjusters.nextOrSame(day));
        }
        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusDays(day.getValue() - 1L);
        return switch (prefix.charAt(0)) {
            case '下' -> thisWeek.plusWeeks(prefix.startsWith("下下") ? 2 : 1);
            case '上' -> thisWeek.minusWeeks(1);
            default -> thisWeek;
        };
    }

    /** Month and day without a year: the earliest such date not before the earliest allowed day. */
    private static LocalDate monthDayNear(int month, int day, LocalDate today) {
        LocalDate earliest = LeaveRules.earliest(today);
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            LocalDate date = dateOrNull(year, month, day);
            if (date != null && !date.isBefore(earliest)) {
                return date;
            }
        }
        return null;
    }

    /** A day without a month: the earliest such date not before the earliest allowed day. */
    private static LocalDate dayNear(int day, LocalDate today) {
        return dayOnOrAfter(day, LeaveRules.earliest(today));
    }

    /** The first date on or after {@code from} whose day of month is {@code day}, or null for no such day. */
    static LocalDate dayOnOrAfter(int day, LocalDate from) {
        if (day < 1 || day > 31) {
            return null;
        }
        LocalDate month = from.withDayOfMonth(1);
        for (int k = 0; k < 3; k++, month = month.plusMonths(1)) {
            if (day <= month.lengthOfMonth()) {
                LocalDate date = month.withDayOfMonth(day);
                if (!date.isBefore(from)) {
                    return date;
                }
            }
        }
        return null;
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return day <= first.lengthOfMonth() ? first.withDayOfMonth(day) : null;
    }
}

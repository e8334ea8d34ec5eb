package cn.jiaxiao.routes.reply;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes well-formed leave requests the way parents do, in many forms, together with what they mean, so
 * that a property test can check that the parser reads back exactly the generated fields.
 */
final class LeaveRequestGenerator {

    static final List<String> NAMES = List.of(
            "张三", "李四", "王小明", "陈思思", "欧阳娜娜", "赵一鸣", "刘洋", "黄梓涵", "周杰", "林可欣", "马骁");
    static final List<String> REASONS = List.of(
            "", "", "发烧", "看病", "家里有事", "感冒", "去医院复查", "参加亲戚婚礼", "肚子疼", "回老家", "牙疼看牙医",
            "身体不舒服", "打疫苗", "咳嗽", "高烧", "发烧，去医院");
    private static final String WEEKDAYS = "一二三四五六日";
    private static final String[] CHINESE = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    /** A generated reply, the day it is read on, the sender's children and the request it must give. */
    record Generated(String text, LocalDate today, List<String> children, LeaveRequest expected) {
    }

    private final Random random;

    LeaveRequestGenerator(Random random) {
        this.random = random;
    }

    Generated next() {
        LocalDate today = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(3 * 366));
        List<String> pool = new ArrayList<>(NAMES);
        java.util.Collections.shuffle(pool, random);
        List<String> children = List.copyOf(pool.subList(0, 1 + random.nextInt(3)));
        String child = children.get(random.nextInt(children.size()));
        String name = children.size() == 1 && random.nextInt(3) == 0 ? "" : child;

        int offset = random.nextInt(10) == 0 ? -1 - random.nextInt(2) : random.nextInt(21);
        LocalDate from = today.plusDays(offset);
        int days = random.nextInt(3) == 0 ? 2 + random.nextInt(3) : 1;
        LocalDate to = from.plusDays(days - 1L);

        String keyword;
        String date;
        if (days > 1 && random.nextInt(3) == 0) {
            // A start date and the length with the keyword: 明天 请假3天 / 请两天假.
            date = single(today, from);
            String n = random.nextBoolean() ? Integer.toString(days) : (days == 2 ? "两" : CHINESE[days]);
            keyword = random.nextBoolean() ? "请假" + n + "天" : "请" + n + "天假";
        } else {
            date = days == 1 ? single(today, from) : range(today, from, to);
            keyword = pick("请假", "请假:", "请假：", "qj", "QJ", "Qj", "请个假", days == 1 ? "请一天假" : "请假");
        }

        DayPart part = DayPart.FULL_DAY;
        String partWord = "";
        if (days == 1 && random.nextBoolean()) {
            int p = random.nextInt(5);
            part = p < 2 ? DayPart.MORNING : p < 4 ? DayPart.AFTERNOON : DayPart.FULL_DAY;
            partWord = switch (p) {
                case 0 -> "上午";
                case 1 -> "早上";
                case 2 -> "下午";
                case 3 -> "下半天";
                default -> "全天";
            };
        } else if (random.nextInt(6) == 0) {
            partWord = "全天";
        }
        String reason = REASONS.get(random.nextInt(REASONS.size()));

        String text = switch (random.nextInt(5)) {
            case 0 -> join(keyword, name, date + partWord, reason);
            case 1 -> name + date + partWord + keyword + sep() + reason;
            case 2 -> join(keyword, date + partWord, name, reason);
            case 3 -> date + partWord + keyword + sep() + join(name, reason);
            default -> "老师好，" + name + date + partWord + keyword + (reason.isEmpty() ? "" : "，" + reason) + "，谢谢！";
        };
        text = disguise(text);
        // The parser gives the reason in normalised form (发烧,去医院 with a half-width comma).
        return new Generated(text, today, children,
                new LeaveRequest(child, from, to, part, ReplyText.normalize(reason)));
    }

    private String single(LocalDate today, LocalDate date) {
        long offset = date.toEpochDay() - today.toEpochDay();
        List<String> forms = new ArrayList<>(List.of(
                date.getMonthValue() + "月" + date.getDayOfMonth() + "日",
                date.getMonthValue() + "月" + date.getDayOfMonth() + "号",
                date.getMonthValue() + "." + date.getDayOfMonth(),
                date.getMonthValue() + "/" + date.getDayOfMonth(),
                date.getMonthValue() + "-" + date.getDayOfMonth(),
                String.format("%02d.%02d", date.getMonthValue(), date.getDayOfMonth()),
                date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日",
                date.getYear() + "-" + date.getMonthValue() + "-" + date.getDayOfMonth(),
                date.getDayOfMonth() + "号",
                date.getDayOfMonth() + "日",
                chinese(date.getMonthValue()) + "月" + chinese(date.getDayOfMonth()) + "日",
                chinese(date.getDayOfMonth()) + "号"));
        if (offset >= -2 && offset <= 3) {
            forms.add(switch ((int) offset) {
                case -2 -> "前天";
                case -1 -> "昨天";
                case 0 -> pick("今天", "今日");
                case 1 -> pick("明天", "明日");
                case 2 -> "后天";
                default -> "大后天";
            });
        }
        String weekday = WEEKDAYS.substring(date.getDayOfWeek().getValue() - 1, date.getDayOfWeek().getValue());
        if (offset >= 0 && offset <= 6) {
            forms.add(pick("周", "星期", "礼拜") + weekday);
        }
        LocalDate nextMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(1);
        if (!date.isBefore(nextMonday) && date.isBefore(nextMonday.plusWeeks(1))) {
            forms.add(pick("下周", "下个星期", "下礼拜") + weekday);
        }
        return forms.get(random.nextInt(forms.size()));
    }

    private String range(LocalDate today, LocalDate from, LocalDate to) {
        long offset = from.toEpochDay() - today.toEpochDay();
        int length = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        List<String> forms = new ArrayList<>(List.of(
                md(from) + pick("-", "~", "至", "到", " - ") + md(to),
                from.getMonthValue() + "." + from.getDayOfMonth() + "-" + to.getMonthValue() + "." + to.getDayOfMonth(),
                from.getMonthValue() + "月" + from.getDayOfMonth() + "日" + pick("到", "至", "-") + to.getDayOfMonth() + "日",
                from.getDayOfMonth() + "日" + pick("至", "到", "-") + to.getDayOfMonth() + "日",
                from.getDayOfMonth() + "-" + to.getDayOfMonth() + "日",
                from.getDayOfMonth() + "到" + to.getDayOfMonth() + "号",
                single(today, from) + "到" + single(today, to)));
        if (offset == 1 && length == 2) {
            forms.add(pick("明后两天", "明后天", "明天、后天"));
        }
        if (offset == 0 && length == 2) {
            forms.add("今明两天");
        }
        if (offset >= 0 && offset <= 6) {
            String first = WEEKDAYS.substring(from.getDayOfWeek().getValue() - 1, from.getDayOfWeek().getValue());
            String last = WEEKDAYS.substring(to.getDayOfWeek().getValue() - 1, to.getDayOfWeek().getValue());
            forms.add("周" + first + "到周" + last);
        }
        return forms.get(random.nextInt(forms.size()));
    }

    private String md(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + pick("日", "号", "");
    }

    private static String chinese(int n) {
        if (n < 10) {
            return CHINESE[n];
        }
        return (n / 10 == 1 ? "" : CHINESE[n / 10]) + "十" + CHINESE[n % 10];
    }

    private String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(sep());
            }
            out.append(part);
        }
        return out.toString();
    }

    private String sep() {
        return pick(" ", " ", "  ", "\u3000", "，", ",", " ");
    }

    /** What phones and parents add: full-width forms, zero-width characters, an emoji at the end. */
    private String disguise(String text) {
        String s = text;
        if (random.nextInt(4) == 0) {
            StringBuilder wide = new StringBuilder();
            for (char c : s.toCharArray()) {
                wide.append(c > ' ' && c < 0x7f ? (char) (c - 0x21 + 0xFF01) : c == ' ' ? '\u3000' : c);
            }
            s = wide.toString();
        }
        if (random.nextInt(4) == 0) {
            int at = random.nextInt(s.length() + 1);
            s = s.substring(0, at) + pick("\u200b", "\u200d", "\ufeff") + s.substring(at);
        }
        if (random.nextInt(4) == 0) {
            s = s + pick("😷", "🙏", "👍🏻", "！", "。", "~");
        }
        if (random.nextInt(6) == 0) {
            s = " " + s + "\n";
        }
        return s;
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}

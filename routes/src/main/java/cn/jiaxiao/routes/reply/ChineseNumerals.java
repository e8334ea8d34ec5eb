package cn.jiaxiao.routes.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes Chinese numerals as digits where they count days or form a date (十一月二十五日 → 11月25日,
 * 两天 → 2天, 二〇二六年 → 2026年), so that the date reader only has to know digits.
 *
 * <p>Only a numeral directly before 年/月/日/号/天 is rewritten: elsewhere 一二三 are parts of words and
 * names (周三, 一鸣), and after 周/星期/礼拜 they name a weekday (周六日).
 */
final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final Pattern NUMERAL =
            Pattern.compile("(?<![周期拜])([零〇一二两三四五六七八九十]{1,4})(?=[年月日号天])");

    private ChineseNumerals() {
    }

    static String toDigits(String text) {
        Matcher m = NUMERAL.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            String value = value(m.group(1));
            if (value != null) {
                out.append(text, last, m.start(1)).append(value);
                last = m.end(1);
            }
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    /** The number a numeral stands for, or null for a run that is not one (十十). */
    static String value(String numeral) {
        int ten = numeral.indexOf('十');
        if (ten < 0) {
            // Read digit by digit: 二〇二六 → 2026, 五 → 5.
            StringBuilder digits = new StringBuilder(numeral.length());
            for (int i = 0; i < numeral.length(); i++) {
                digits.append(digit(numeral.charAt(i)));
            }
            return digits.toString();
        }
        if (numeral.indexOf('十', ten + 1) >= 0 || ten > 1 || numeral.length() - ten > 2) {
            return null;
        }
        int tens = ten == 0 ? 1 : digit(numeral.charAt(0));
        int units = ten == numeral.length() - 1 ? 0 : digit(numeral.charAt(ten + 1));
        if (tens == 0) {
            return null;
        }
        return Integer.toString(tens * 10 + units);
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '两' -> 2;
            default -> DIGITS.indexOf(c);
        };
    }
}

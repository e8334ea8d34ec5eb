package cn.jiaxiao.filter.personal;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.text.StartCharPattern;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * ID-card, bank-card and mobile numbers. Runs over the text with full-width digits folded (same offsets), and
 * accepts spaces or dashes between digit groups, the usual way people paste these numbers.
 */
public final class NumberDetector implements Detector {

    /** A run of digits possibly split by single spaces/dashes; the trailing X is for ID cards. */
    private static final StartCharPattern DIGIT_RUN = new StartCharPattern(
            Pattern.compile("(?<![0-9A-Za-z])\\+?[0-9](?:[ \\-]?[0-9]){9,22}[Xx]?(?![0-9A-Za-z])"), "+0123456789");
    private static final Pattern BANK_CONTEXT = Pattern.compile("卡号|银行|账号|帐号|储蓄卡|信用卡|借记卡|工行|农行|建行|中行|转账|汇款");

    private final Set<String> schoolNumbers;

    public NumberDetector(Set<String> schoolNumbers) {
        this.schoolNumbers = schoolNumbers.stream().map(NumberDetector::digitsOnly)
                .map(NumberDetector::stripCountryCode).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        String digitsView = input.asciiDigits();
        int firstRun = firstLongDigitRun(digitsView);
        if (firstRun < 0) {
            return;
        }
        StartCharPattern.Scan m = DIGIT_RUN.scan(digitsView, firstRun, digitsView.length(), true);
        while (m.find()) {
            String run = m.matcher().group();
            String digits = digitsOnly(run);
            String idCandidate = withoutSeparators(run);
            if (IdCardNumbers.isValid(idCandidate)) {
                out.add(Finding.of(text, Category.PERSONAL_DATA, Severity.BLOCK, m.start(), m.end(),
                        "personal.id-card", null));
            } else if (isMobile(digits)) {
                if (!schoolNumbers.contains(stripCountryCode(digits))) {
                    out.add(Finding.of(text, Category.PERSONAL_DATA, Severity.WARN, m.start(), m.end(),
                            "personal.mobile", null));
                }
            } else if (digits.length() >= 16 && digits.length() <= 19 && Luhn.isValid(digits) && !run.endsWith("X")
                    && !run.endsWith("x")) {
                // UnionPay (62…) or bank wording nearby makes it a card; other Luhn-valid runs are only suspicious.
                boolean sure = digits.startsWith("62") || BANK_CONTEXT.matcher(
                        text.substring(Math.max(0, m.start() - 12), m.start())).find();
                out.add(Finding.of(text, Category.PERSONAL_DATA, sure ? Severity.BLOCK : Severity.WARN, m.start(),
                        m.end(), "personal.bank-card", null));
            }
        }
    }

    /**
     * Cheap pre-check: where the first run of ten digits (single separators allowed) starts, or -1. Every pattern
     * here needs one, and most notices have none.
     */
    private static int firstLongDigitRun(String s) {
        int run = 0;
        int runStart = 0;
        boolean lastWasSeparator = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (run == 0) {
                    runStart = i;
                }
                if (++run >= 10) {
                    return Math.max(0, runStart - 1);
                }
                lastWasSeparator = false;
            } else if ((c == ' ' || c == '-') && run > 0 && !lastWasSeparator) {
                lastWasSeparator = true;
            } else {
                run = 0;
                lastWasSeparator = false;
            }
        }
        return -1;
    }

    /**
     * The run without spaces, dashes and plus, x upper-cased: {@code run.replaceAll("[ \\-+]", "").toUpperCase()}
     * for the chars a run can hold, without compiling a regex per run.
     */
    static String withoutSeparators(String run) {
        StringBuilder sb = new StringBuilder(run.length());
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c != ' ' && c != '-' && c != '+') {
                sb.append(c == 'x' ? 'X' : c);
            }
        }
        return sb.toString();
    }

    private static boolean isMobile(String digits) {
        String d = stripCountryCode(digits);
        return d.length() == 11 && d.charAt(0) == '1' && d.charAt(1) >= '3' && d.charAt(1) <= '9';
    }

    static String stripCountryCode(String digits) {
        return digits.length() == 13 && digits.startsWith("86") ? digits.substring(2) : digits;
    }

    static String digitsOnly(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c >= '０' && c <= '９') {
                sb.append((char) ('0' + c - '０'));
            }
        }
        return sb.toString();
    }
}

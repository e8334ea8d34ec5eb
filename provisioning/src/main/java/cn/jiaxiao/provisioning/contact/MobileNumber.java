package cn.jiaxiao.provisioning.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A mainland China mobile number, kept in E.164 form (+8613800001234). Parsing accepts what people
 * type: spaces, dashes, a leading 86, +86 or 0086.
 */
public record MobileNumber(String e164) {

    private static final Pattern NATIONAL = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    public MobileNumber {
        if (e164 == null || !e164.startsWith("+86") || !NATIONAL.matcher(e164.substring(3)).matches()) {
            throw new IllegalArgumentException("Not a mainland mobile number in E.164 form");
        }
    }

    public static Optional<MobileNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(input.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return NATIONAL.matcher(digits).matches() ? Optional.of(new MobileNumber("+86" + digits)) : Optional.empty();
    }

    /** The 11-digit national form, as mainland SMSCs expect destination addresses. */
    public String national() {
        return e164.substring(3);
    }

    public String masked() {
        return mask(national());
    }

    @Override
    public String toString() {
        return masked();
    }

    /** Masks any phone-like string for logs and lists: 13800001234 → 138****1234. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.startsWith("+86") ? number.substring(3) : number;
        if (digits.length() < 7) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}

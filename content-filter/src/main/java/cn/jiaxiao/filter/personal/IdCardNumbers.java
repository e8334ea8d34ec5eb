package cn.jiaxiao.filter.personal;

/** Mainland resident ID numbers (GB 11643-1999): 18 chars, ISO 7064 MOD 11-2 check character. */
public final class IdCardNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdCardNumbers() {
    }

    public static boolean isValid(CharSequence id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        char last = Character.toUpperCase(id.charAt(17));
        return CHECK[sum % 11] == last && plausibleDate(id);
    }

    /** The check character alone passes 1 in 11 random numbers; the birth date cuts that further. */
    private static boolean plausibleDate(CharSequence id) {
        int year = Integer.parseInt(id.subSequence(6, 10).toString());
        int month = Integer.parseInt(id.subSequence(10, 12).toString());
        int day = Integer.parseInt(id.subSequence(12, 14).toString());
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31
                && id.charAt(0) != '0';
    }

    /** Check character for the first 17 digits; for tests and examples. */
    public static char checkChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}

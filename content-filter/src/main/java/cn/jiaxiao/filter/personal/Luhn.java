package cn.jiaxiao.filter.personal;

/** Luhn (mod 10) check used by bank card numbers. */
public final class Luhn {

    private Luhn() {
    }

    public static boolean isValid(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    /** Digit that completes {@code payload} to a valid number; for tests. */
    public static char checkDigit(CharSequence payload) {
        for (char c = '0'; c <= '9'; c++) {
            if (isValid(payload.toString() + c)) {
                return c;
            }
        }
        throw new IllegalStateException();
    }
}

package cn.jiaxiao.smsc;

/** Phone numbers are personal data: logs only ever see them masked, e.g. 138****1234. */
final class PhoneMask {
    private PhoneMask() {
    }

    static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int n = number.length();
        if (n >= 8) {
            return number.substring(0, 3) + "****" + number.substring(n - 4);
        }
        if (n >= 4) {
            return "****" + number.substring(n - 2);
        }
        return "****";
    }
}

package cn.jiaxiao.provisioning.contact;

/** Masks e-mail addresses for lists and logs: zhangsan@example.com → z***@example.com, at most 32 characters. */
public final class EmailAddress {

    private static final int MAX_MASKED = 32;

    private EmailAddress() {
    }

    public static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        String masked = address.charAt(0) + "***" + address.substring(at);
        return masked.length() <= MAX_MASKED ? masked : masked.substring(0, MAX_MASKED - 1) + "…";
    }
}

package cn.jiaxiao.routes.email;

/** Log-safe e-mail addresses: {@code zhang.san@example.com} becomes {@code z***@example.com}. */
public final class EmailMask {

    private EmailMask() {
    }

    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return "***";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}

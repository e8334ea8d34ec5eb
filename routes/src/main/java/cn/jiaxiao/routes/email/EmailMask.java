package cn.jiaxiao.routes.email;

/** Log-safe e-mail addresses: {@code zhang.san@example.com} becomes {@code z***@example.com}. */
public final class EmailMask {

    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)");

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

    /** The text with every address in it masked: a mail server's reply, a bounce's diagnostic. */
    public static String inText(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("$1***$2");
    }
}

package cn.jiaxiao.routes.email;

import cn.jiaxiao.provisioning.contact.EmailAddress;

/** Log-safe e-mail addresses: {@code zhang.san@example.com} becomes {@code z***@example.com}. */
public final class EmailMask {

    private static final java.util.regex.Pattern ADDRESS =
            java.util.regex.Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)");

    private EmailMask() {
    }

    public static String mask(String address) {
        return address == null ? "***" : EmailAddress.mask(address);
    }

    public static String inText(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("$1***$2");
    }
}

package cn.jiaxiao.routes.push;

import java.util.Base64;

/** Unpadded base64url as JOSE and Web Push use it. */
final class Base64Url {

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lenient on input: browsers and key tools differ in padding, and some store the standard alphabet. */
    static byte[] decode(String text) {
        String normalised = text.trim().replace('+', '-').replace('/', '_');
        int end = normalised.length();
        while (end > 0 && normalised.charAt(end - 1) == '=') {
            end--;
        }
        return Base64.getUrlDecoder().decode(normalised.substring(0, end));
    }
}

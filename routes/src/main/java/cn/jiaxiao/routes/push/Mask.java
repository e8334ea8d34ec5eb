package cn.jiaxiao.routes.push;

import java.net.URI;

/** Log-safe forms of tokens and endpoints: enough to tell two apart, not enough to use one. */
final class Mask {

    private Mask() {
    }

    static String tail(String secret) {
        if (secret == null) {
            return "null";
        }
        return secret.length() <= 12 ? "***" : "***" + secret.substring(secret.length() - 4);
    }

    /** The push service's origin only: the path of a subscription endpoint is itself a bearer capability. */
    static String endpoint(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            return uri.getScheme() + "://" + uri.getHost() + "/***";
        } catch (IllegalArgumentException e) {
            return "***";
        }
    }
}

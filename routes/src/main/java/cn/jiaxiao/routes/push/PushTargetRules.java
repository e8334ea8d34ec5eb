package cn.jiaxiao.routes.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a registered push target must look like before it is stored: checked at the API, so that a malformed
 * value is refused with a reason instead of being pruned at the first send. Each method returns null when the
 * value is fine, otherwise the (Chinese) reason.
 */
public final class PushTargetRules {

    public static final int MAX_TOKEN = 4096;
    public static final int MAX_ENDPOINT = 2048;
    private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9_:.\\-]+");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

    private PushTargetRules() {
    }

    public static String fcmToken(String token) {
        if (token == null || token.isBlank()) {
            return "请填写 FCM 注册令牌";
        }
        if (token.length() < 20 || token.length() > MAX_TOKEN || !FCM_TOKEN.matcher(token).matches()) {
            return "FCM 注册令牌格式不正确";
        }
        return null;
    }

    /** An absolute https URL with a host and no user info: push services are only reached over TLS. */
    public static String endpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            return "请填写推送服务地址（endpoint）";
        }
        if (endpoint.length() > MAX_ENDPOINT) {
            return "推送服务地址过长";
        }
        try {
            URI uri = new URI(endpoint);
            if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return "推送服务地址须为 https 地址";
            }
        } catch (URISyntaxException e) {
            return "推送服务地址格式不正确";
        }
        return null;
    }

    /** The browser's P-256 public key: base64url of an uncompressed point on the curve. */
    public static String p256dh(String p256dh) {
        if (p256dh == null || p256dh.isBlank()) {
            return "请填写 p256dh 公钥";
        }
        if (p256dh.length() > 100 || !BASE64URL.matcher(p256dh).matches()) {
            return "p256dh 须为 base64url 编码";
        }
        try {
            P256.publicKey(Base64Url.decode(p256dh));
        } catch (IllegalArgumentException e) {
            return "p256dh 不是有效的 P-256 公钥";
        }
        return null;
    }

    /** The subscription's auth secret: base64url of 16 bytes. */
    public static String auth(String auth) {
        if (auth == null || auth.isBlank()) {
            return "请填写 auth 密钥";
        }
        if (auth.length() > 30 || !BASE64URL.matcher(auth).matches()) {
            return "auth 须为 base64url 编码";
        }
        try {
            if (Base64Url.decode(auth).length != 16) {
                return "auth 须为 16 字节";
            }
        } catch (IllegalArgumentException e) {
            return "auth 须为 base64url 编码";
        }
        return null;
    }

    /** The part of a token or endpoint lists and logs may show. */
    public static String masked(PushTarget target) {
        return target instanceof PushTarget.FcmToken fcm ? Mask.tail(fcm.token())
                : Mask.endpoint(((PushTarget.WebPushSubscription) target).endpoint());
    }
}

package cn.jiaxiao.routes.push;

import java.util.Objects;

/**
 * Where one push goes: an FCM registration token or a browser's Web Push subscription. The values come from
 * devices and are only checked for presence here; a sender that finds them unusable answers
 * {@link PushResult.Outcome#INVALID_TARGET}, so that a bad stored target is pruned instead of failing forever.
 * {@code toString} masks them: tokens and subscription secrets stay out of logs.
 */
public sealed interface PushTarget permits PushTarget.FcmToken, PushTarget.WebPushSubscription {

    static FcmToken fcm(String registrationToken) {
        return new FcmToken(registrationToken);
    }

    static WebPushSubscription webPush(String endpoint, String p256dh, String auth) {
        return new WebPushSubscription(endpoint, p256dh, auth);
    }

    /** An FCM registration token of an Android, iOS or web app instance. */
    record FcmToken(String token) implements PushTarget {
        public FcmToken {
            requireText(token, "token");
        }

        @Override
        public String toString() {
            return "FcmToken[" + Mask.tail(token) + "]";
        }
    }

    /**
     * A {@code PushSubscription} as the browser hands it out: the push service endpoint, the user agent's P-256
     * public key and the 16-byte auth secret, both base64url.
     */
    record WebPushSubscription(String endpoint, String p256dh, String auth) implements PushTarget {
        public WebPushSubscription {
            requireText(endpoint, "endpoint");
            requireText(p256dh, "p256dh");
            requireText(auth, "auth");
        }

        @Override
        public String toString() {
            return "WebPushSubscription[" + Mask.endpoint(endpoint) + "]";
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}

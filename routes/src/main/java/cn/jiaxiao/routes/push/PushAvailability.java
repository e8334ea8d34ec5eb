package cn.jiaxiao.routes.push;

/**
 * Which push services this gateway can send through; what the fan-out asks before it creates PUSH messages.
 * Web Push needs nothing but a VAPID key pair, and the gateway generates and keeps one when none is configured,
 * so with push enabled (the default) it is always available; FCM only with a service account key.
 *
 * @param enabled push may be used at all: {@code jiaxiao.push.enabled} and at least one service available
 */
public record PushAvailability(boolean enabled, boolean fcm, boolean webPush) {

    public static PushAvailability of(boolean switchedOn, boolean fcm, boolean webPush) {
        return new PushAvailability(switchedOn && (fcm || webPush), switchedOn && fcm, switchedOn && webPush);
    }

    /** Whether a subscription of this kind can be sent to. */
    public boolean supports(PushSubscriptionRepository.Kind kind) {
        return kind == PushSubscriptionRepository.Kind.FCM ? fcm : webPush;
    }
}

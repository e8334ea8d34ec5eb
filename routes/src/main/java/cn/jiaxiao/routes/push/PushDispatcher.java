package cn.jiaxiao.routes.push;

/**
 * The one push entry point of the message path: hands each target to the sender of its kind. A channel that
 * is not configured (null sender) answers FAILED rather than throwing, so one missing key file does not stop
 * the other channel.
 */
public class PushDispatcher implements PushSender {

    private final PushSender fcm;
    private final PushSender webPush;

    /**
     * @param fcm sender for {@link PushTarget.FcmToken}, or null when FCM is not configured
     * @param webPush sender for {@link PushTarget.WebPushSubscription}, or null when Web Push is not configured
     */
    public PushDispatcher(PushSender fcm, PushSender webPush) {
        this.fcm = fcm;
        this.webPush = webPush;
    }

    @Override
    public PushResult send(PushTarget target, PushMessage message) {
        PushSender sender;
        String channel;
        if (target instanceof PushTarget.FcmToken) {
            sender = fcm;
            channel = "FCM";
        } else if (target instanceof PushTarget.WebPushSubscription) {
            sender = webPush;
            channel = "Web Push";
        } else {
            throw new IllegalArgumentException("Unknown push target " + target);
        }
        if (sender == null) {
            return PushResult.failed(channel + " is not configured");
        }
        return sender.send(target, message);
    }
}

package cn.jiaxiao.routes.push;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one push.
 *
 * @param providerMessageId the push service's id of an accepted message (FCM message name, Web Push Location)
 * @param retryAfter for {@link Outcome#RETRY}: the wait the service asked for, or null when it named none
 * @param detail a short reason for the log; never contains the token or subscription keys
 */
public record PushResult(Outcome outcome, String providerMessageId, Duration retryAfter, String detail) {

    public enum Outcome {
        /** Accepted by the push service; delivery to the device is up to it. */
        DELIVERED,
        /** The token or subscription is unregistered, expired or unusable: the caller deletes it. */
        INVALID_TARGET,
        /** Temporary: throttled, service unavailable or unreachable. Send again later. */
        RETRY,
        /** Rejected for a reason another attempt will not change (payload, configuration). */
        FAILED
    }

    public PushResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static PushResult delivered(String providerMessageId) {
        return new PushResult(Outcome.DELIVERED, providerMessageId, null, null);
    }

    public static PushResult invalidTarget(String detail) {
        return new PushResult(Outcome.INVALID_TARGET, null, null, detail);
    }

    public static PushResult retry(Duration retryAfter, String detail) {
        return new PushResult(Outcome.RETRY, null, retryAfter, detail);
    }

    public static PushResult failed(String detail) {
        return new PushResult(Outcome.FAILED, null, null, detail);
    }

    /** True when the caller should delete the target it sent to. */
    public boolean pruneTarget() {
        return outcome == Outcome.INVALID_TARGET;
    }
}

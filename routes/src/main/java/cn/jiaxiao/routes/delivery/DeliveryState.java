package cn.jiaxiao.routes.delivery;

import java.util.EnumSet;
import java.util.Set;

/** Where one message to one recipient stands. */
public enum DeliveryState {
    QUEUED,
    SUBMITTED,
    DELIVERED,
    UNDELIVERABLE,
    EXPIRED,
    REJECTED,
    FAILED,
    /**
     * Submitted, but no receipt came within the receipt timeout: whether it reached the handset is not
     * known. Counted as a failure; a receipt that comes after all still settles the message.
     */
    EXPIRED_UNKNOWN;

    public static final Set<DeliveryState> FAILURES = EnumSet.of(UNDELIVERABLE, EXPIRED, REJECTED, FAILED,
            EXPIRED_UNKNOWN);

    /** The state a receipt's {@code stat:} field reports (SMPP 3.4 appendix B). */
    public static DeliveryState fromReceiptStat(String stat) {
        return switch (stat == null ? "" : stat.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "DELIVRD", "DELIVERED" -> DELIVERED;
            case "EXPIRED" -> EXPIRED;
            case "REJECTD", "REJECTED" -> REJECTED;
            case "ACCEPTD", "ACCEPTED", "ENROUTE" -> SUBMITTED;
            default -> UNDELIVERABLE;
        };
    }
}

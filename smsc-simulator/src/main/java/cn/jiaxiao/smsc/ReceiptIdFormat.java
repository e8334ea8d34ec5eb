package cn.jiaxiao.smsc;

import java.util.Locale;

/**
 * How the message id appears inside the delivery receipt text. Real SMSCs disagree with their own
 * submit_sm_resp here, which is exactly what the gateway's receipt matching has to survive.
 */
public enum ReceiptIdFormat {
    /** Exactly as returned in submit_sm_resp. */
    SAME,
    /** The same numeric id written in decimal. */
    DECIMAL,
    /** The same numeric id written in upper-case hex. */
    HEX_UPPER,
    /** The submit_sm_resp form left-padded with zeros to 20 characters. */
    LEADING_ZEROS;

    String format(long id, String idAsSubmitted) {
        return switch (this) {
            case SAME -> idAsSubmitted;
            case DECIMAL -> Long.toString(id);
            case HEX_UPPER -> Long.toHexString(id).toUpperCase(Locale.ROOT);
            case LEADING_ZEROS -> "0".repeat(Math.max(0, 20 - idAsSubmitted.length())) + idAsSubmitted;
        };
    }
}

package cn.jiaxiao.smsc;

/** How the simulator writes the message_id it returns in submit_sm_resp. */
public enum MessageIdFormat {
    HEX_LOWER, HEX_UPPER, DECIMAL;

    String format(long id) {
        return switch (this) {
            case HEX_LOWER -> Long.toHexString(id);
            case HEX_UPPER -> Long.toHexString(id).toUpperCase(java.util.Locale.ROOT);
            case DECIMAL -> Long.toString(id);
        };
    }
}

package cn.jiaxiao.routes.delivery;

/** A delivery receipt as an SMSC reported it, taken off the wire before it is matched. */
public record SmscReceipt(String connection, String smscId, String stat, String err) {
}

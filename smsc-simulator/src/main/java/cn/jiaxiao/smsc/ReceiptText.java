package cn.jiaxiao.smsc;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The de-facto standard receipt text (SMPP 3.4 appendix B) and the matching message_state values. */
final class ReceiptText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneId.systemDefault());

    private ReceiptText() {
    }

    static String build(String id, String state, Instant submitted, Instant done, String text) {
        boolean delivered = "DELIVRD".equals(state);
        String err = delivered || "ACCEPTD".equals(state) || "ENROUTE".equals(state) ? "000" : "001";
        return "id:" + id
                + " sub:001 dlvrd:" + (delivered ? "001" : "000")
                + " submit date:" + DATE.format(submitted)
                + " done date:" + DATE.format(done)
                + " stat:" + state
                + " err:" + err
                + " text:" + snippet(text);
    }

    /** message_state TLV value for a receipt state. */
    static byte messageState(String state) {
        return switch (state) {
            case "ENROUTE" -> 1;
            case "DELIVRD" -> 2;
            case "EXPIRED" -> 3;
            case "DELETED" -> 4;
            case "UNDELIV" -> 5;
            case "ACCEPTD" -> 6;
            case "REJECTD" -> 8;
            default -> 7;
        };
    }

    /** The receipt travels with data_coding 0, so anything outside printable ASCII becomes '?'. */
    private static String snippet(String text) {
        StringBuilder sb = new StringBuilder(20);
        text.codePoints().limit(20).forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7F ? (char) cp : '?'));
        return sb.toString();
    }
}

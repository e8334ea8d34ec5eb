package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.routes.delivery.SmscReceipt;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Reads a delivery receipt from a deliver_sm: the TLVs receipted_message_id and message_state when the
 * SMSC sends them, otherwise the SMPP 3.4 appendix B text ({@code id:... stat:... err:...}), whose field
 * order and case vary between SMSCs.
 */
public final class ReceiptParser {

    private static final Pattern ID = Pattern.compile("(?i)\\bid:\\s*([0-9A-Za-z\\-]+)");
    private static final Pattern STAT = Pattern.compile("(?i)\\bstat:\\s*([A-Za-z]+)");
    private static final Pattern ERR = Pattern.compile("(?i)\\berr:\\s*([0-9A-Za-z]+)");
    /** message_state TLV values 1..8 (SMPP 3.4 §5.2.28) as the receipt text would name them. */
    private static final String[] MESSAGE_STATES = {"ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV",
            "ACCEPTD", "UNKNOWN", "REJECTD"};

    private ReceiptParser() {
    }

    public static Optional<SmscReceipt> parse(String connection, DeliverSm deliverSm) {
        String text = deliverSm.getShortMessage() == null ? ""
                : new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1);
        String id = tlvId(deliverSm).orElseGet(() -> find(ID, text));
        String stat = tlvState(deliverSm).orElseGet(() -> find(STAT, text));
        if (id == null || id.isBlank() || stat == null) {
            return Optional.empty();
        }
        return Optional.of(new SmscReceipt(connection, id, stat.toUpperCase(Locale.ROOT), find(ERR, text)));
    }

    private static Optional<String> tlvId(DeliverSm deliverSm) {
        OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (tlv instanceof OptionalParameter.COctetString value) {
            String id = value.getValueAsString();
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(id.trim());
        }
        return Optional.empty();
    }

    private static Optional<String> tlvState(DeliverSm deliverSm) {
        OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE);
        if (tlv instanceof OptionalParameter.Byte value) {
            int state = value.getValue();
            if (state >= 1 && state <= MESSAGE_STATES.length) {
                return Optional.of(MESSAGE_STATES[state - 1]);
            }
        }
        return Optional.empty();
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}

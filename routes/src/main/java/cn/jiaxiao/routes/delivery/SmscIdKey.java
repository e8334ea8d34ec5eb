package cn.jiaxiao.routes.delivery;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The forms under which an SMSC's message id is matched. SMSCs disagree with themselves: the id in
 * submit_sm_resp may come back in the receipt in another case, padded with zeros, or written in decimal
 * where it was hex (or the reverse). The canonical form folds case and leading zeros; the receipt side
 * also tries the other radix, but only when the canonical form finds nothing.
 */
public final class SmscIdKey {

    private static final BigInteger MAX_ID = BigInteger.ONE.shiftLeft(128);

    private SmscIdKey() {
    }

    public static String canonical(String smscId) {
        String id = smscId.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < id.length() - 1 && id.charAt(i) == '0') {
            i++;
        }
        return id.substring(i);
    }

    /** Keys to try for a receipt's id, in order: as written, then read as hex or decimal in the other radix. */
    public static List<String> candidates(String receiptId) {
        String canonical = canonical(receiptId);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(canonical);
        if (canonical.matches("[0-9]{1,39}")) {
            BigInteger decimal = new BigInteger(canonical);
            if (decimal.compareTo(MAX_ID) < 0) {
                keys.add(decimal.toString(16));
            }
        }
        if (canonical.matches("[0-9a-f]{1,32}")) {
            keys.add(new BigInteger(canonical, 16).toString());
        }
        return List.copyOf(keys);
    }
}

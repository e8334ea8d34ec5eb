package cn.jiaxiao.filter;

/**
 * Per-call settings.
 *
 * @param signature         signature an SMS must carry (e.g. 【示范中学】), or null when the text is not such an SMS
 * @param maxSegments       warn when the SMS needs more segments than this; 0 switches the check off
 * @param individualRecipient true when the notice goes to one student's guardians only (absence alert,
 *                          personal reminder): remarks about that student are then not a group-message offence
 */
public record CheckOptions(String signature, int maxSegments, boolean individualRecipient) {

    public static final CheckOptions DEFAULTS = new CheckOptions(null, 0, false);

    public static CheckOptions sms(String signature, int maxSegments) {
        return new CheckOptions(signature, maxSegments, false);
    }

    public CheckOptions withIndividualRecipient(boolean individual) {
        return new CheckOptions(signature, maxSegments, individual);
    }
}

package cn.jiaxiao.routes.reply;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells whether an incoming SMS looks like an automatic reply rather than a parent writing, so that the
 * gateway never answers it: answering an auto-responder that answers back is a message loop that costs
 * money and floods the parent.
 *
 * <p>Looks automatic:
 * <ul>
 *   <li>a bracketed signature such as 【某某银行】 anywhere: organisations sign their SMS that way, parents
 *       do not; this includes our own 【示范中学】 bounced back;</li>
 *   <li>the gateway's own signature, also without brackets at the start (示范中学: …);</li>
 *   <li>a phrase of automatic messages: 自动回复, 此号码不接收回复, 本短信由系统发送, 退订回T, 回复TD退订 …;</li>
 *   <li>the same text (after {@link ReplyText} normalisation) as one the gateway recently sent, or a text
 *       that contains one of those of at least {@link #ECHO_MIN_CHARS} characters (a quoted echo).</li>
 * </ul>
 * A short parent reply such as "收到" never matches a recent text, because the gateway sends no such short
 * text; the check is still on the whole text, so "收到" is only an echo if the gateway itself sent "收到".
 */
public final class AutoReplyDetector {

    /** A recent outgoing text this long or longer counts as an echo even inside a longer text. */
    public static final int ECHO_MIN_CHARS = 20;

    private static final Pattern BRACKET_SIGNATURE = Pattern.compile("[【〖\\[][^【】〖〗\\[\\]]{2,20}[】〗\\]]");
    private static final List<String> PHRASES = List.of(
            "自动回复", "自动答复", "系统回复", "系统自动", "不接收回复", "无法接收回复", "不接受回复", "请勿回复",
            "请勿直接回复", "无需回复", "本短信由系统", "本消息由系统", "由系统发送", "退订回t", "回t退订", "退订请回复",
            "回复td退订", "回td退订", "回复t退订", "auto reply", "auto-reply", "autoreply", "automatic reply",
            "out of office", "不在服务区");
    /** The phrases as they are compared: compact, so that spaces and punctuation inside do not hide them. */
    private static final List<String> COMPACT_PHRASES =
            PHRASES.stream().map(phrase -> ReplyText.compact(ReplyText.normalize(phrase))).toList();

    private final String ownSignature;

    /**
     * @param ownSignature the gateway's own SMS signature, with or without its brackets (【示范中学】 or 示范中学);
     *        null or blank for none
     */
    public AutoReplyDetector(String ownSignature) {
        String s = ReplyText.trimmed(ownSignature);
        this.ownSignature = s.isEmpty() ? null : s;
    }

    /** {@link #isAutomatic(String, Collection)} without recent outgoing texts. */
    public boolean isAutomatic(String text) {
        return isAutomatic(text, List.of());
    }

    /**
     * @param text the incoming SMS (may be null: not automatic)
     * @param recentOutgoing texts the gateway recently sent to this number (may be null)
     */
    public boolean isAutomatic(String text, Collection<String> recentOutgoing) {
        try {
            String normalized = ReplyText.normalize(text);
            if (normalized.isEmpty()) {
                return false;
            }
            if (BRACKET_SIGNATURE.matcher(normalized).find()) {
                return true;
            }
            if (ownSignature != null && normalized.startsWith(ownSignature)) {
                return true;
            }
            String compact = ReplyText.compact(normalized);
            for (String phrase : COMPACT_PHRASES) {
                if (compact.contains(phrase)) {
                    return true;
                }
            }
            return recentOutgoing != null && isEcho(compact, recentOutgoing);
        } catch (RuntimeException e) {
            // Unsure is "not automatic": the parent's text then goes to the teacher as any other.
            return false;
        }
    }

    private static boolean isEcho(String compact, Collection<String> recentOutgoing) {
        for (String sent : recentOutgoing) {
            String sentCompact = ReplyText.compact(ReplyText.normalize(sent));
            if (sentCompact.isEmpty()) {
                continue;
            }
            if (compact.equals(sentCompact)
                    || (sentCompact.length() >= ECHO_MIN_CHARS && compact.contains(sentCompact))) {
                return true;
            }
        }
        return false;
    }
}

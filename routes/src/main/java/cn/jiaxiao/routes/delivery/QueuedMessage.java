package cn.jiaxiao.routes.delivery;

/**
 * A message handed to the senders, with its recipient's group: the broker delivers one group's messages to
 * one consumer at a time, in order, so a recipient's messages never overtake each other.
 */
public record QueuedMessage(long id, String group, String channel) {

    public QueuedMessage(long id, String group) {
        this(id, group, "SMS");
    }

    /**
     * Recipients fall into this many groups: enough to spread the work over every consumer, few enough that
     * a large notice's batches each hold many recipients.
     */
    public static final int GROUPS = 64;

    /** The group of a recipient: taken from the keyed hash of the number, never the number itself. */
    public static String groupOf(byte[] recipientHash) {
        int bucket = (((recipientHash[0] & 0xff) << 8) | (recipientHash[1] & 0xff)) % GROUPS;
        return "sms-" + bucket;
    }
}

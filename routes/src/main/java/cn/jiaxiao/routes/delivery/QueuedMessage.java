package cn.jiaxiao.routes.delivery;

/**
 * A message handed to the senders, with its recipient's group: the broker delivers one group's messages to
 * one consumer at a time, in order, so a recipient's messages never overtake each other.
 */
public record QueuedMessage(long id, String group) {
}

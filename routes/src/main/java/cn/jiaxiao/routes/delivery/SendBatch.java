package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.routes.notice.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * Queued messages handed to the senders in one broker message: ids of recipients that share one broker
 * message group, so that a recipient's messages still reach one consumer at a time, in order, while a
 * sender claims, submits and records a whole batch with a handful of statements instead of a handful per message.
 */
public record SendBatch(String channel, String group, List<Long> ids) {

    public SendBatch {
        ids = List.copyOf(ids);
    }

    public SendBatch(String group, List<Long> ids) {
        this("SMS", group, ids);
    }

    /** The sender queue of the batch's channel. */
    public String queue() {
        return Channel.valueOf(channel).queue();
    }

    /** The broker message body: the ids, comma separated (a single id is a batch of one). */
    public String body() {
        StringBuilder text = new StringBuilder(ids.size() * 8);
        for (Long id : ids) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(id);
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException a body that is not a list of ids: the broker's dead-letter queue keeps it */
    public static List<Long> parseIds(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("Empty SMS batch");
        }
        List<Long> ids = new ArrayList<>();
        for (String id : body.split(",")) {
            ids.add(Long.parseLong(id.trim()));
        }
        return ids;
    }
}

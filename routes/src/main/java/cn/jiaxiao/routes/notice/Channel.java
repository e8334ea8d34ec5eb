package cn.jiaxiao.routes.notice;

import cn.jiaxiao.routes.support.Queues;

/** The ways a message reaches a guardian; each has its own sender queue. */
public enum Channel {
    SMS(Queues.SMS_OUTBOUND),
    EMAIL(Queues.EMAIL_OUTBOUND),
    PUSH(Queues.PUSH_OUTBOUND);

    private final String queue;

    Channel(String queue) {
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }
}

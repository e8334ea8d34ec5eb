package cn.jiaxiao.routes.delivery;

/** Hands a batch of queued messages to its channel's senders, durably (a broker queue in production). */
@FunctionalInterface
public interface BatchQueue {

    void enqueue(SendBatch batch);
}

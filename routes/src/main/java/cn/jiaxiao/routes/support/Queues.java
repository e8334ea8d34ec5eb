package cn.jiaxiao.routes.support;

/** The broker addresses of the message path, one per step (anycast queues). */
public final class Queues {

    public static final String NOTICE_RELEASE = "notice.release";
    public static final String SMS_OUTBOUND = "sms.outbound";
    public static final String SMS_RECEIPTS = "sms.receipts";
    public static final String SMS_INBOUND = "sms.inbound";
    public static final String EMAIL_OUTBOUND = "email.outbound";
    public static final String PUSH_OUTBOUND = "push.outbound";

    private Queues() {
    }

    public static String jms(String queue) {
        return "jms:queue:" + queue;
    }

    /**
     * A transacted consumer endpoint: a failure rolls the delivery back to the broker. Local JMS session
     * transactions with cached consumers; Camel's default (a lazily created transaction manager) would
     * open a new consumer for every message.
     */
    public static String consume(String queue, int consumers) {
        return jms(queue) + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + consumers + "&maxConcurrentConsumers=" + consumers;
    }
}

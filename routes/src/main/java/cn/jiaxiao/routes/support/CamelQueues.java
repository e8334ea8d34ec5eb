package cn.jiaxiao.routes.support;

import cn.jiaxiao.routes.delivery.BatchQueue;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SmscReceipt;
import cn.jiaxiao.routes.fanout.ReleaseQueue;
import cn.jiaxiao.routes.smpp.InboundHandler;
import cn.jiaxiao.routes.smpp.InboundSms;
import org.apache.camel.ProducerTemplate;

/**
 * Puts work on the broker through Camel. The sends are synchronous: when a method returns, the broker
 * holds the message durably — which is what lets the SMPP listener acknowledge a deliver_sm.
 */
public class CamelQueues implements ReleaseQueue, InboundHandler, BatchQueue {

    private final ProducerTemplate producer;

    public CamelQueues(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void release(long noticeId) {
        producer.sendBody(Queues.jms(Queues.NOTICE_RELEASE), String.valueOf(noticeId));
    }

    /** The ids as the body, the recipients' group as JMSXGroupID, as the release route queues them. */
    @Override
    public void enqueue(SendBatch batch) {
        producer.sendBodyAndHeader(Queues.jms(batch.queue()), batch.body(), "JMSXGroupID", batch.group());
    }

    @Override
    public void onReceipt(SmscReceipt receipt) {
        producer.sendBody(Queues.jms(Queues.SMS_RECEIPTS), Json.write(receipt));
    }

    @Override
    public void onMessage(InboundSms sms) {
        producer.sendBody(Queues.jms(Queues.SMS_INBOUND), Json.write(sms));
    }
}

package cn.jiaxiao.routes.sms;

import cn.jiaxiao.routes.delivery.ReceiptService;
import cn.jiaxiao.routes.delivery.SmscReceipt;
import cn.jiaxiao.routes.smpp.InboundSms;
import cn.jiaxiao.routes.support.Json;
import cn.jiaxiao.routes.support.Queues;
import org.apache.camel.builder.RouteBuilder;

/**
 * The SMS legs of the path: queued messages out over SMPP, receipts and replies in. A failure rolls the
 * broker transaction back, and the broker delivers the message again after its redelivery delay; only
 * what exhausts its attempts goes to the dead-letter address.
 */
public class SmsRoutes extends RouteBuilder {

    private final SmsSender sender;
    private final ReceiptService receipts;
    private final InboundSmsStore inbound;
    /** Batches in progress at once: each runs its submits on the sender's submit threads. */
    private final int senders;
    /** Reads a stored reply and acts on it (confirmations, leave requests, opt-outs); never throws. */
    private final java.util.function.LongConsumer replies;

    public SmsRoutes(SmsSender sender, ReceiptService receipts, InboundSmsStore inbound, int senders) {
        this(sender, receipts, inbound, senders, id -> { });
    }

    public SmsRoutes(SmsSender sender, ReceiptService receipts, InboundSmsStore inbound, int senders,
            java.util.function.LongConsumer replies) {
        this.sender = sender;
        this.receipts = receipts;
        this.inbound = inbound;
        this.senders = senders;
        this.replies = replies;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));

        from(Queues.consume(Queues.SMS_OUTBOUND, senders))
                .routeId("sms-send")
                .bean(sender, "sendBatch");

        from(Queues.consume(Queues.SMS_RECEIPTS, 2))
                .routeId("sms-receipts")
                .process(exchange -> exchange.getIn().setBody(
                        Json.read(exchange.getIn().getBody(String.class), SmscReceipt.class)))
                .bean(receipts, "apply");

        from(Queues.consume(Queues.SMS_INBOUND, 1))
                .routeId("sms-inbound")
                .process(exchange -> exchange.getIn().setBody(
                        Json.read(exchange.getIn().getBody(String.class), InboundSms.class)))
                .bean(inbound, "record")
                .filter(body().isNotNull())
                    .process(exchange -> replies.accept(exchange.getIn().getBody(Long.class)));
    }
}

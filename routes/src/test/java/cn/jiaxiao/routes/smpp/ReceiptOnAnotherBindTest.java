package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.delivery.DeliveryState;
import cn.jiaxiao.routes.delivery.SmscReceipt;
import cn.jiaxiao.routes.delivery.SubmittedMessages;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.junit.jupiter.api.Test;

/**
 * A receipt that an SMSC sends over another bind of the same account (some do, when the submitting
 * session is busy or gone) must still match. Each bind has its own listener; receipts are keyed by the
 * connection's name only, never by the session, so the bind they come over makes no difference.
 */
class ReceiptOnAnotherBindTest {

    @Test
    void aReceiptOverTheSecondBindSettlesAPartSubmittedOverTheFirst() throws Exception {
        SubmittedMessages outbox = new SubmittedMessages(new TestSchool());
        InboundHandler toReceipts = new InboundHandler() {
            @Override
            public void onReceipt(SmscReceipt receipt) {
                outbox.receipts.apply(receipt);
            }

            @Override
            public void onMessage(InboundSms sms) {
                throw new AssertionError("not an MO");
            }
        };
        DeliverSmListener bind1 = new DeliverSmListener("carrier", toReceipts);
        DeliverSmListener bind2 = new DeliverSmListener("carrier", toReceipts);
        // submitted over bind 1: the sender records the connection, not the bind
        long id = outbox.submitted("carrier", "9A0001", "9A0002");

        bind2.onAcceptDeliverSm(receipt("id:9a0001 sub:001 dlvrd:001 stat:DELIVRD err:000"));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.SUBMITTED);
        bind1.onAcceptDeliverSm(receipt("id:0000000000000009A0002 sub:001 dlvrd:001 stat:DELIVRD err:000"));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.DELIVERED);
    }

    private static DeliverSm receipt(String text) {
        DeliverSm sm = new DeliverSm();
        sm.setEsmClass((byte) 0x04);
        sm.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        return sm;
    }
}

package cn.jiaxiao.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.testing.TestSchool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReceiptServiceTest {

    private static SubmittedMessages outbox;
    private static ReceiptService receipts;

    @BeforeAll
    static void school() {
        outbox = new SubmittedMessages(new TestSchool());
        receipts = outbox.receipts;
    }

    @Test
    void aThreePartMessageIsDeliveredOnlyWhenEveryPartIs() {
        long id = outbox.submitted("carrier", "a1001", "a1002", "a1003");

        receipts.apply(new SmscReceipt("carrier", "a1001", "DELIVRD", "000"));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.SUBMITTED);
        receipts.apply(new SmscReceipt("carrier", "a1003", "DELIVRD", "000"));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.SUBMITTED);
        receipts.apply(new SmscReceipt("carrier", "a1002", "DELIVRD", "000"));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void oneUndeliveredPartMakesTheMessageUndeliverable() {
        long id = outbox.submitted("carrier", "b2001", "b2002");
        receipts.apply(new SmscReceipt("carrier", "b2001", "DELIVRD", "000"));
        receipts.apply(new SmscReceipt("carrier", "b2002", "UNDELIV", "001"));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.UNDELIVERABLE);
    }

    @Test
    void anIntermediateReceiptSettlesNothing() {
        long id = outbox.submitted("carrier", "c3001");
        receipts.apply(new SmscReceipt("carrier", "c3001", "ENROUTE", null));
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.SUBMITTED);
    }

    @Test
    void theReceiptIdMatchesInAnotherCaseWithZerosOrInTheOtherRadix() {
        long hexUpper = outbox.submitted("carrier", "d4e5f6");
        long padded = outbox.submitted("carrier", "d4e5f7");
        long decimal = outbox.submitted("carrier", "d4e5f8");
        long hexForDecimal = outbox.submitted("carrier", "13952761");

        receipts.apply(new SmscReceipt("carrier", "D4E5F6", "DELIVRD", "000"));
        receipts.apply(new SmscReceipt("carrier", "00000000000000d4e5f7", "DELIVRD", "000"));
        receipts.apply(new SmscReceipt("carrier", Long.toString(0xd4e5f8L), "DELIVRD", "000"));
        receipts.apply(new SmscReceipt("carrier", Long.toHexString(13952761L).toUpperCase(), "DELIVRD", "000"));

        assertThat(outbox.state(hexUpper)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.state(padded)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.state(decimal)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.state(hexForDecimal)).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void aReceiptOnAnotherConnectionMatchesOnlyWhenItsIdIsUnambiguous() {
        // accounts of one SMSC sharing a system_id: the receipt may come back on the other account's session
        outbox.submitted("carrier", "e5001");
        receipts.apply(new SmscReceipt("other-carrier", "e5001", "DELIVRD", "000"));

        outbox.submitted("carrier", "e5002");
        outbox.submitted("third-carrier", "e5002");
        assertThatThrownBy(() -> receipts.apply(new SmscReceipt("other-carrier", "e5002", "DELIVRD", "000")))
                .isInstanceOf(ReceiptNotMatchedException.class);
    }

    @Test
    void expiredUnknownCountsAsAFailure() {
        DeliveryStats stats = DeliveryStats.of(java.util.Map.of(DeliveryState.DELIVERED, 3,
                DeliveryState.EXPIRED_UNKNOWN, 2));
        assertThat(stats.failed()).isEqualTo(2);
        assertThat(stats.recipients()).isEqualTo(5);
    }
}

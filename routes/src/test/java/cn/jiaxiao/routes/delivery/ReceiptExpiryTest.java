package cn.jiaxiao.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.testing.TestSchool;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReceiptExpiryTest {

    private SubmittedMessages outbox;
    private ReceiptExpiry expiry;

    @BeforeEach
    void school() {
        // a fresh database per test: the expiry touches every overdue message of the database
        outbox = new SubmittedMessages(new TestSchool());
        expiry = new ReceiptExpiry(outbox.school.jdbc, Clock.systemUTC(), Duration.ofHours(48));
    }

    @Test
    void aMessageWithoutReceiptsAfterTheTimeoutIsExpiredUnknownAndOthersAreLeftAlone() {
        long overdue = outbox.submitted("carrier", "f6001", "f6002");
        long recent = outbox.submitted("carrier", "f6003");
        long delivered = outbox.submitted("carrier", "f6004");
        outbox.receipts.apply(new SmscReceipt("carrier", "f6004", "DELIVRD", "000"));
        outbox.submittedAgo(overdue, Duration.ofHours(49));
        outbox.submittedAgo(delivered, Duration.ofHours(49));
        outbox.submittedAgo(recent, Duration.ofHours(47));

        assertThat(expiry.expireOverdue()).isEqualTo(1);

        assertThat(outbox.state(overdue)).isEqualTo(DeliveryState.EXPIRED_UNKNOWN);
        assertThat(outbox.state(recent)).isEqualTo(DeliveryState.SUBMITTED);
        assertThat(outbox.state(delivered)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.messages.stats(outbox.noticeId()).failed()).isEqualTo(1);
        assertThat(expiry.expireOverdue()).as("a second run, or another instance's").isZero();
    }

    @Test
    void theTimeoutIsReadOnTheGivenClock() {
        long id = outbox.submitted("carrier", "f7001");
        ReceiptExpiry later = new ReceiptExpiry(outbox.school.jdbc,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(48).plusMinutes(1)), Duration.ofHours(48));
        assertThat(expiry.expireOverdue()).isZero();
        assertThat(later.expireOverdue()).isEqualTo(1);
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.EXPIRED_UNKNOWN);
    }

    /** Needs OutboundMessageRepository.settleFromParts to settle EXPIRED_UNKNOWN messages as well as SUBMITTED ones. */
    @Test
    void aReceiptAfterTheExpiryStillSettlesTheMessage() {
        long id = outbox.submitted("carrier", "f8001", "f8002");
        outbox.submittedAgo(id, Duration.ofHours(49));
        outbox.receipts.apply(new SmscReceipt("carrier", "f8001", "DELIVRD", "000"));
        expiry.expireOverdue();
        assertThat(outbox.state(id)).isEqualTo(DeliveryState.EXPIRED_UNKNOWN);

        outbox.receipts.apply(new SmscReceipt("carrier", "f8002", "DELIVRD", "000"));

        assertThat(outbox.state(id)).isEqualTo(DeliveryState.DELIVERED);
        assertThat(outbox.school.jdbc.queryForObject("select count(*) from delivery_event where message_id = :id",
                Map.of("id", id), Integer.class)).isEqualTo(2);
    }
}

package cn.jiaxiao.routes.delivery;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.testing.TestSchool;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Messages as the sender leaves them in a test school's database: parts recorded, message SUBMITTED. */
public final class SubmittedMessages {

    public final TestSchool school;
    public final TransactionTemplate tx;
    public final OutboundMessageRepository messages;
    public final ReceiptService receipts;
    private final long noticeId;

    public SubmittedMessages(TestSchool school) {
        this.school = school;
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource()));
        this.messages = new OutboundMessageRepository(school.jdbc, school.cipher, java.time.Duration.ofMinutes(5));
        this.receipts = new ReceiptService(school.jdbc, messages, tx);
        Long drafter = school.jdbc.queryForObject("select id from staff_account where username = 'teacher71'",
                Map.of(), Long.class);
        this.noticeId = school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('回执测试', '正文', 'GENERAL', '{}'::jsonb, 'SMS', 'SENDING', :drafter, :hash)
                returning id""", Map.of("drafter", drafter, "hash", "ab".repeat(32)), Long.class);
    }

    /** A message whose parts the SMSC accepted under these ids, on this connection. */
    public long submitted(String connection, String... smscIds) {
        long id = messages.insertAll(List.of(new NewMessage(noticeId, "SMS", null, null,
                MobileNumber.parse("13800000001").orElseThrow(), "正文", smscIds.length))).get(0).id();
        messages.claim(id).orElseThrow();
        BatchOutcome outcome = new BatchOutcome();
        for (int part = 1; part <= smscIds.length; part++) {
            outcome.accepted(id, part, connection, smscIds[part - 1]);
        }
        outcome.submitted(id, smscIds.length);
        tx.executeWithoutResult(status -> messages.recordOutcome(outcome));
        return id;
    }

    public DeliveryState state(long messageId) {
        return DeliveryState.valueOf(school.jdbc.queryForObject("select state from outbound_message where id = :id",
                Map.of("id", messageId), String.class));
    }

    /** Moves the message's submission back in time, as if it had waited that long for its receipts. */
    public void submittedAgo(long messageId, java.time.Duration ago) {
        school.jdbc.update("update outbound_message set submitted_at = now() - make_interval(secs => :s) where id = :id",
                Map.of("s", (double) ago.toSeconds(), "id", messageId));
    }

    public long noticeId() {
        return noticeId;
    }
}

package cn.jiaxiao.routes.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.delivery.QueuedMessage;
import cn.jiaxiao.routes.delivery.SendHold;
import cn.jiaxiao.routes.smpp.InboundHandler;
import cn.jiaxiao.routes.smpp.InboundSms;
import cn.jiaxiao.routes.smpp.SmppClient;
import cn.jiaxiao.routes.smpp.SmppSettings;
import cn.jiaxiao.routes.smpp.SubmitFailure;
import cn.jiaxiao.routes.smpp.TpsLimiter;
import cn.jiaxiao.smsc.SimulatorConfig;
import cn.jiaxiao.smsc.SmscSimulator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender keeps its batch's rows locked from the lock to the written outcome, in one transaction: a message
 * another sender holds is left to it (and its batch comes back later), a sender that dies mid-batch gives its
 * messages back with its connection, and whatever was sent is never sent again.
 */
class SmsSenderTest {

    private final TestSchool school = new TestSchool();
    private final OutboundMessageRepository messages = new OutboundMessageRepository(school.jdbc, school.cipher,
            Duration.ofMinutes(2));
    private SmscSimulator smsc;
    private SmppClient smpp;
    private ExecutorService submitters;
    private SmsSender sender;
    private long notice;

    @BeforeEach
    void start() throws Exception {
        smsc = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).receiptsEnabled(false).build());
        SmppSettings settings = new SmppSettings("carrier", "127.0.0.1", smsc.smppPort(), "jiaxiao", "", "",
                "1069000", 1, 4, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(2), List.of(), 0);
        smpp = new SmppClient(List.of(settings), new IgnoringInbound(), TpsLimiter.UNLIMITED);
        smpp.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (smpp.boundSubmitting("carrier") < 1) {
            assertThat(System.nanoTime()).as("bound within 15 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        submitters = Executors.newFixedThreadPool(4);
        sender = new SmsSender(messages, smpp, new TransactionTemplate(
                new DataSourceTransactionManager(school.database.dataSource())), Duration.ofSeconds(5), submitters,
                SendHold.NONE);
        long drafter = school.accounts.findByUsername("teacher71").orElseThrow().id();
        notice = school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('t', 'b', 'GENERAL', '{}', 'SMS', 'SENDING', :d, repeat('0', 64)) returning id""",
                Map.of("d", drafter), Long.class);
    }

    @AfterEach
    void stop() {
        smpp.close();
        submitters.shutdownNow();
        smsc.close();
    }

    @Test
    void aBatchIsSubmittedAndRecordedOnceWithEveryPart() throws Exception {
        List<Long> ids = queue("13800000001", "您的孩子已安全到校。", "13800000002", "长".repeat(100));

        sender.send(ids);
        sender.send(ids); // the broker's redelivery of a batch already sent

        assertThat(states(ids)).containsOnly("SUBMITTED");
        assertThat(smsc.submitCount()).as("one submit_sm per part, once").isEqualTo(3);
        assertThat(school.jdbc.queryForObject("select count(*) from sms_part where message_id in (:ids)",
                Map.of("ids", ids), Integer.class)).isEqualTo(3);
    }

    @Test
    void aMessageAnotherSenderHoldsIsLeftToItAndComesBackWhenThatSenderDies() throws Exception {
        List<Long> ids = queue("13800000001", "第一条", "13800000002", "第二条");
        try (Connection other = school.database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select id from outbound_message where id = ? for update")) {
                lock.setLong(1, ids.get(0));
                lock.executeQuery().close();
            }

            assertThatThrownBy(() -> sender.send(ids)).isInstanceOf(SubmitFailure.class)
                    .matches(e -> ((SubmitFailure) e).isTemporary(), "temporary: the broker brings the batch back");
            assertThat(states(ids)).containsExactly("QUEUED", "SUBMITTED");
            assertThat(smsc.submitCount()).isEqualTo(1);
            other.rollback(); // as a sender that dies mid-batch: nothing of it recorded, its locks gone
        }

        sender.send(ids);

        assertThat(states(ids)).containsOnly("SUBMITTED");
        assertThat(smsc.submitCount()).as("each message once").isEqualTo(2);
    }

    private List<Long> queue(String... numbersAndBodies) {
        List<NewMessage> batch = new java.util.ArrayList<>();
        for (int i = 0; i < numbersAndBodies.length; i += 2) {
            String body = numbersAndBodies[i + 1];
            batch.add(new NewMessage(notice, "SMS", null, null, MobileNumber.parse(numbersAndBodies[i]).orElseThrow(),
                    body, body.length() > 70 ? 2 : 1));
        }
        return messages.insertAll(batch).stream().map(QueuedMessage::id).toList();
    }

    private List<String> states(List<Long> ids) {
        return school.jdbc.queryForList("select state from outbound_message where id in (:ids) order by id",
                Map.of("ids", ids), String.class);
    }

    private static final class IgnoringInbound implements InboundHandler {
        @Override
        public void onReceipt(cn.jiaxiao.routes.delivery.SmscReceipt receipt) {
        }

        @Override
        public void onMessage(InboundSms sms) {
        }
    }
}

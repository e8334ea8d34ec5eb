package cn.jiaxiao.routes.email;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Queued e-mails in a test school's outbox, as the fan-out leaves them. */
final class EmailOutbox {

    final TestSchool school = new TestSchool();
    final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource()));
    final OutboundMessageRepository outbound = new OutboundMessageRepository(school.jdbc, school.cipher,
            Duration.ofMinutes(5));
    final ChannelMessageRepository messages = new ChannelMessageRepository(school.jdbc, school.cipher,
            Duration.ofMinutes(5), outbound);

    long notice(String kind) {
        Long drafter = school.jdbc.queryForObject("select id from staff_account where username = 'teacher71'",
                Map.of(), Long.class);
        return school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('开学典礼通知', '正文', :kind, '{}'::jsonb, 'EMAIL', 'SENDING', :drafter, :hash)
                returning id""", Map.of("kind", kind, "drafter", drafter, "hash", "cd".repeat(32)), Long.class);
    }

    long queue(long noticeId, String address, String subject, String text, String html, String payloadJson) {
        return outbound.insertAll(List.of(new NewMessage(noticeId, "EMAIL", null, null, address,
                EmailMask.mask(address), text, 0, new NewMessage.ChannelContent(subject, html, payloadJson, null),
                null, null))).get(0).id();
    }

    String state(long id) {
        return school.jdbc.queryForObject("select state from outbound_message where id = :id", Map.of("id", id),
                String.class);
    }

    Map<String, Object> row(long id) {
        return school.jdbc.queryForMap("""
                select state, error, provider_id, claimed_at, attempts from outbound_message where id = :id""",
                Map.of("id", id));
    }
}

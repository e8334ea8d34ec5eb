package cn.jiaxiao.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.testing.TestSchool;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Long messages to one number never share a concatenation reference within 255 messages. */
class ConcatReferenceTest {

    @Test
    void referencesRotatePerRecipientAndStayFixedPerMessage() {
        TestSchool school = new TestSchool();
        long drafter = school.accounts.findByUsername("teacher71").orElseThrow().id();
        long notice = school.jdbc.queryForObject("""
                insert into notice (title, body, kind, audience, channels, status, drafter_id, content_hash)
                values ('t', 'b', 'GENERAL', '{}', 'SMS', 'SENDING', :d, repeat('0', 64)) returning id""",
                Map.of("d", drafter), Long.class);
        OutboundMessageRepository messages = new OutboundMessageRepository(school.jdbc, school.cipher,
                Duration.ofMinutes(2));
        MobileNumber parent = MobileNumber.parse("13800000001").orElseThrow();
        MobileNumber other = MobileNumber.parse("13800000002").orElseThrow();
        List<QueuedMessage> queued = messages.insertAll(java.util.stream.IntStream.range(0, 256)
                .mapToObj(i -> new NewMessage(notice, "SMS", null, null, parent, "长".repeat(100), 2)).toList());
        Set<Integer> references = new HashSet<>();
        for (QueuedMessage message : queued) {
            references.add(messages.concatReference(message.id()));
        }
        assertThat(references).hasSize(256);
        long first = queued.get(0).id();
        assertThat(messages.concatReference(first)).as("a retry keeps its reference")
                .isEqualTo(messages.concatReference(first));
        long otherMessage = messages.insertAll(List.of(new NewMessage(notice, "SMS", null, null, other, "长".repeat(100),
                2))).get(0).id();
        assertThat(messages.concatReference(otherMessage)).as("another number has its own rotation").isZero();
        assertThat(queued.get(0).group()).isNotEqualTo(messages.unclaimed(notice).stream()
                .filter(q -> q.id() == otherMessage).findFirst().orElseThrow().group());
    }
}

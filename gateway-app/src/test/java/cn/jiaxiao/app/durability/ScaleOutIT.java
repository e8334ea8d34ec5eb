package cn.jiaxiao.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.smsc.ReceivedMessage;
import cn.jiaxiao.smsc.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances (separate OS processes) on one PostgreSQL and one external Artemis broker, one carrier
 * account limited to {@value #TPS} submit_sm/s: both consume the queues, the limit holds for the two together,
 * receipts reach whichever instance the SMSC picks and still match, and the timers (notice completion,
 * approval escalation) act once for the cluster.
 */
class ScaleOutIT {

    private static final int TPS = 100;
    /** Long enough for the notice being sent to be approved before its step is escalated to the principal. */
    private static final Duration ESCALATE_AFTER = Duration.ofSeconds(20);
    private static final Duration ESCALATION_CHECK = Duration.ofSeconds(2);
    private static final int RECIPIENTS = Integer.getInteger("scaleout.recipients", 5_000);

    @Test
    void twoInstancesShareTheQueuesTheCarrierLimitAndTheTimers() throws Exception {
        // receipts on any bind: a receipt for instance a's submit often arrives at instance b
        try (CrashRig rig = new CrashRig("scaleout",
                SimulatorConfig.builder().receiptDelay(Duration.ofMillis(300)).receiptOnAnyBind(true))) {
            Map<String, String> common = Map.of("jiaxiao.smpp.connections[0].name", "carrier",
                    "jiaxiao.smpp.connections[0].max-tps", Integer.toString(TPS),
                    "jiaxiao.approval.escalate-after", ESCALATE_AFTER.toSeconds() + "s",
                    "jiaxiao.approval.escalation-check", ESCALATION_CHECK.toSeconds() + "s");
            GatewayProcess a = rig.gateway("a", with(common, "10690071")).start();
            rig.awaitDemoSchool();
            // a notice left waiting for its approver: the escalation timers of both instances see it overdue
            Api apiA = new Api(a.port());
            long waiting = apiA.post("teacher72", "/api/notices", Api.notice("通知", "下周一升旗仪式。",
                    "{\"classes\":[\"7-2\"]}")).json().get("id").asLong();
            long waitingSince = System.nanoTime();
            Report report = new Report("two instances, one broker, one database, carrier limit " + TPS + "/s");
            CompletableFuture<GatewayProcess> b = CompletableFuture.supplyAsync(
                    () -> rig.gateway("b", with(common, "10690072")).start());
            rig.addGuardians("7-1", RECIPIENTS - rig.guardianMobiles("7-1").size());
            List<String> expected = rig.guardianMobiles("7-1");
            b.get();

            String marker = CrashRig.marker();
            long id = CrashRig.sendToClass(apiA, "7-1", "各位家长：本周五下午家长开放日。（" + marker + "）");
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (System.nanoTime() < deadline && !("SENT".equals(rig.noticeStatus(id))
                    && rig.messageStates(id).keySet().equals(java.util.Set.of("DELIVERED")))) {
                GatewayProcess.sleep(500);
            }
            List<ReceivedMessage> received = rig.smsc.received().stream()
                    .filter(m -> m.text().contains(marker)).sorted((x, y) -> x.receivedAt().compareTo(y.receivedAt()))
                    .toList();
            Map<String, Long> perInstance = received.stream().collect(Collectors.groupingBy(ReceivedMessage::source,
                    HashMap::new, Collectors.counting()));
            Map<String, Long> perNumber = rig.receivedPerDestination(marker);
            Instant first = received.get(0).receivedAt();
            Instant last = received.get(received.size() - 1).receivedAt();
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            // the bucket holds a tenth of a second's tokens: any 1-s window sees at most 1.1 x TPS
            double steady = (received.size() - TPS / 10) / seconds;
            int worstSecond = worstSecond(received, first);
            long receiptsOnOtherInstance = receiptsMatchedAcross(rig, id);
            report.line("%d recipients: %d submits in %.1f s, per instance %s", expected.size(), received.size(),
                    seconds, perInstance);
            report.line("rate %.1f/s, busiest 1-s window: %d (limit %d)",
                    steady, worstSecond, TPS);
            report.line("message states %s, notice %s, SENT recorded %d time(s)", rig.messageStates(id),
                    rig.noticeStatus(id), auditCount(rig, id, "SENT"));

            // each instance's escalation timer must have run at least twice since the notice became overdue
            long waitEscalation = ESCALATE_AFTER.plus(ESCALATION_CHECK.multipliedBy(2)).toMillis() + 1_000
                    - (System.nanoTime() - waitingSince) / 1_000_000;
            if (waitEscalation > 0) {
                GatewayProcess.sleep(waitEscalation);
            }
            report.line("escalation of the waiting notice recorded %d time(s); receipts sent on any bind: %d",
                    auditCount(rig, waiting, "ESCALATED"), receiptsOnOtherInstance);
            report.print();

            assertThat(perNumber.keySet()).as("zero loss").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(perNumber.values()).as("zero duplicates").allMatch(n -> n == 1);
            assertThat(perInstance).as("both instances sent").hasSize(2).allSatisfy((source, n) ->
                    assertThat(n).isGreaterThan(expected.size() / 10));
            assertThat(steady).as("the two instances together keep the carrier's limit").isLessThan(TPS * 1.05)
                    .isGreaterThanOrEqualTo(TPS * 0.95);
            // Counted on arrival at the SMSC: submits the bucket released in one second arrive bunched when the
            // two cores are starved (seen: 121 with the other ITs running beside this one, 116 in the run before).
            // The bucket itself is held to 1.1 x by SharedTpsLimiterTest; the total rate is held just above.
            assertThat(worstSecond).as("no 1-s window far above the limit (+10 %% burst, +20 %% arrival jitter at the SMSC)")
                    .isLessThanOrEqualTo((int) (TPS * 1.3));
            assertThat(rig.messageStates(id)).as("every receipt matched, wherever it arrived")
                    .containsOnlyKeys("DELIVERED");
            assertThat(auditCount(rig, id, "SENT")).as("notice completion once").isOne();
            assertThat(auditCount(rig, waiting, "ESCALATED")).as("escalation once").isOne();
        }
    }

    private static Map<String, String> with(Map<String, String> common, String source) {
        Map<String, String> properties = new HashMap<>(common);
        properties.put("jiaxiao.smpp.connections[0].source-address", source);
        return properties;
    }

    /** The most submits within any 1-second window starting at or after {@code from}. */
    private static int worstSecond(List<ReceivedMessage> sorted, Instant from) {
        int worst = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            if (sorted.get(end).receivedAt().isBefore(from)) {
                start = end + 1;
                continue;
            }
            while (Duration.between(sorted.get(start).receivedAt(), sorted.get(end).receivedAt()).toMillis() >= 1000) {
                start++;
            }
            worst = Math.max(worst, end - start + 1);
        }
        return worst;
    }

    private static long auditCount(CrashRig rig, long noticeId, String action) {
        return rig.jdbc.queryForObject("select count(*) from audit_event where notice_id = :id and action = :action",
                Map.of("id", noticeId, "action", action), Long.class);
    }

    /** Receipts are not tagged with their instance; all DELIVERED with receipts on any bind shows they matched. */
    private static long receiptsMatchedAcross(CrashRig rig, long noticeId) {
        return rig.jdbc.queryForObject("""
                select count(*) from sms_part p join outbound_message m on m.id = p.message_id
                where m.notice_id = :id and p.state = 'DELIVERED'""", Map.of("id", noticeId), Long.class);
    }
}

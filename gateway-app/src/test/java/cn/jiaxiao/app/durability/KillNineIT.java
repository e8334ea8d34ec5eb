package cn.jiaxiao.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.smsc.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the gateway (a separate OS process) twice during one 20,000-recipient fan-out — once right
 * after the approval, while the notice is being fanned out and queued, once at a random point of the SMS run —
 * each followed by a restart. Every recipient must end with exactly one accepted submit at the SMSC, except the
 * messages in flight at a kill: accepted by the SMSC but not yet recorded by the gateway (the outcome of a batch
 * is written after its submits). The test measures that window at each kill and reports it.
 */
class KillNineIT {

    private static final int RECIPIENTS = Integer.getInteger("durability.recipients", 20_000);

    @Test
    void killedTwiceDuringAFanOutEveryRecipientGetsExactlyOneSmsButTheInFlightWindow() {
        long seed = Long.getLong("durability.seed", System.nanoTime());
        Random random = new Random(seed);
        try (CrashRig rig = new CrashRig("kill9", SimulatorConfig.builder().receiptDelay(Duration.ofMillis(200)))) {
            GatewayProcess gateway = rig.gateway("gateway", Map.of()).start();
            int existing = rig.guardianMobiles("7-1").size();
            long t = System.nanoTime();
            rig.addGuardians("7-1", RECIPIENTS - existing);
            List<String> expected = rig.guardianMobiles("7-1");
            Report report = new Report("kill -9 during a " + expected.size() + "-recipient fan-out (seed " + seed + ")");
            report.line("roster of %d guardians written in %d ms", expected.size(), ms(t));

            String marker = CrashRig.marker();
            long approvedAt = System.nanoTime();
            long id = CrashRig.sendToClass(new Api(gateway.port()), "7-1", "各位家长：明天上午校园开放日照常举行。（" + marker + "）");

            // 1. right after the approval: the fan-out's transaction or the queueing of its batches is under way
            GatewayProcess.sleep(300 + random.nextInt(1500));
            List<Long> inFlight = new ArrayList<>();
            inFlight.add(kill(rig, gateway, id, marker, report, "during fan-out"));
            long firstRestart = System.nanoTime();
            gateway.start();
            report.line("restarted in %d ms", ms(firstRestart));

            // 2. at a random point of the SMS run
            long killAt = expected.size() / 10 + random.nextInt(expected.size() / 2);
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (rig.submitsFor(marker) < killAt && System.nanoTime() < deadline) {
                GatewayProcess.sleep(20);
            }
            inFlight.add(kill(rig, gateway, id, marker, report, "after " + killAt + " submits"));
            long restart = System.nanoTime();
            gateway.start();
            report.line("restarted in %d ms", ms(restart));

            deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
            while (System.nanoTime() < deadline && !(rig.receivedPerDestination(marker).size() == expected.size()
                    && !rig.messageStates(id).containsKey("QUEUED"))) {
                GatewayProcess.sleep(500);
            }
            long lastSubmitMs = ms(approvedAt);
            Map<String, Long> perNumber = rig.receivedPerDestination(marker);
            long lost = expected.stream().filter(n -> !perNumber.containsKey(n)).count();
            long duplicates = perNumber.values().stream().mapToLong(n -> n - 1).sum();
            long window = inFlight.stream().mapToLong(Long::longValue).sum();
            report.line("all recipients reached after %d ms from the approval; message states %s", lastSubmitMs,
                    rig.messageStates(id));
            report.line("RESULT recipients %d, lost %d, duplicates %d, in flight at the kills %s (total %d)",
                    expected.size(), lost, duplicates, inFlight, window);
            report.print();

            assertThat(lost).as("recipients without an SMS").isZero();
            assertThat(perNumber.keySet()).as("only the class's guardians").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(duplicates).as("duplicates: at most what was in flight at the kills").isLessThanOrEqualTo(window);
            assertThat(rig.messageStates(id)).as("nothing left queued").doesNotContainKey("QUEUED");
        }
    }

    /** Kills the gateway and measures the in-flight window: accepted by the SMSC, not recorded by the gateway. */
    private static long kill(CrashRig rig, GatewayProcess gateway, long id, String marker, Report report, String when) {
        gateway.kill();
        long accepted = rig.submitsFor(marker);
        long recorded = rig.recordedParts(id);
        report.line("kill -9 %s: notice %s, messages %s, SMSC accepted %d, gateway recorded %d, in flight %d", when,
                rig.noticeStatus(id), rig.messageStates(id), accepted, recorded, accepted - recorded);
        return accepted - recorded;
    }

    private static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }
}

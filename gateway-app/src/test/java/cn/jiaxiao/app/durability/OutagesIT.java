package cn.jiaxiao.app.durability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.smsc.SimulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Four outages, each in the middle of a notice to a class of {@value #RECIPIENTS}: the SMSC drops every link
 * and refuses binds for 60 s, then throttles; on another gateway process and rig, the external broker is killed
 * ({@code kill -9}) and restarted, then PostgreSQL is stopped and started again. After each, every recipient has
 * exactly one SMS: zero loss; zero duplicates under throttling; otherwise no more duplicates than what was in
 * flight when the link or the connection broke (reported; SMPP has no idempotency key).
 */
class OutagesIT {

    private static final int RECIPIENTS = Integer.getInteger("outages.recipients", 3_000);
    /**
     * A link that breaks between the SMSC's accepting a submit_sm and its answer reaching the gateway: the gateway
     * can't tell that submit from a lost one and sends it again. At most the window of every bind (2 x 10 here).
     */
    private static final int SMPP_WINDOW = 2 * 10;
    /**
     * Broker or database gone while batches are being written back: a batch whose outcome could not be recorded
     * is retried, and what the SMSC accepted in it goes twice. At most the batches in progress (8 x 200).
     */
    private static final int BATCHES_IN_FLIGHT = 8 * 200;
    private static final Duration LINK_DOWN = Duration.ofSeconds(Long.getLong("outages.link-down-seconds", 60));

    @Test
    void smscLinkDropAndThrottlingLoseNothing() {
        outages("outages-smsc", (rig, run) -> {
            run.outage("SMSC drops every link and refuses binds for " + LINK_DOWN.toSeconds() + " s", () -> {
                rig.smsc.setRefuseBinds(true);
                rig.smsc.dropAllSessions();
                GatewayProcess.sleep(LINK_DOWN.toMillis());
                rig.smsc.setRefuseBinds(false);
            }, SMPP_WINDOW);
            run.outage("SMSC throttles at 150 submit_sm/s (ESME_RTHROTTLED above)",
                    () -> rig.smsc.update(b -> b.throttleTps(150)), 0);
        });
    }

    @Test
    void brokerAndDatabaseRestartsLoseNothing() {
        outages("outages-infra", (rig, run) -> {
            run.outage("broker kill -9, restarted after 5 s", () -> {
                rig.broker.kill();
                GatewayProcess.sleep(5_000);
                rig.broker.startProcess();
            }, BATCHES_IN_FLIGHT);
            run.outage("PostgreSQL stopped for 10 s and started again",
                    () -> rig.restartPostgres(Duration.ofSeconds(10)), BATCHES_IN_FLIGHT);
        });
    }

    /**
     * A rig and a gateway of their own for a pair of outages, so that the two pairs run at the same time (the
     * 60 s of a dead link are mostly waiting).
     */
    private static void outages(String name, BiConsumer<CrashRig, Outages> scenarios) {
        try (CrashRig rig = new CrashRig(name, SimulatorConfig.builder().receiptDelay(Duration.ofMillis(100)))) {
            GatewayProcess gateway = rig.gateway("gateway", Map.of(
                    "jiaxiao.smpp.connections[0].reconnect-max", "5s",
                    "jiaxiao.smpp.connections[0].window", "10")).start();
            rig.addGuardians("7-1", RECIPIENTS - rig.guardianMobiles("7-1").size());
            List<String> expected = rig.guardianMobiles("7-1");
            Api api = new Api(gateway.port());
            Report report = new Report(name + ", " + expected.size() + " recipients each");
            // slow the SMSC down a little so that each outage lands mid-run
            rig.smsc.update(b -> b.submitLatency(Duration.ofMillis(5)));
            scenarios.accept(rig, (outage, breakIt, duplicatesAllowed) ->
                    run(rig, api, expected, report, outage, breakIt, duplicatesAllowed));
            report.print();
            assertThat(gateway.isAlive()).as("the gateway survived it all").isTrue();
        }
    }

    @FunctionalInterface
    private interface Outages {
        void outage(String outage, Runnable breakIt, int duplicatesAllowed);
    }

    private static void run(CrashRig rig, Api api, List<String> expected, Report report, String outage,
            Runnable breakIt, int duplicatesAllowed) {
        String marker = CrashRig.marker();
        long start = System.nanoTime();
        long id = CrashRig.sendToClass(api, "7-1", "各位家长：下周二举行秋季运动会。（" + marker + "）");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (rig.submitsFor(marker) < expected.size() / 5 && System.nanoTime() < deadline) {
            GatewayProcess.sleep(10);
        }
        long before = rig.submitsFor(marker);
        breakIt.run();
        deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && !(rig.receivedPerDestination(marker).size() == expected.size()
                && allSubmitted(rig, id))) {
            GatewayProcess.sleep(500);
        }
        Map<String, Long> perNumber = rig.receivedPerDestination(marker);
        long lost = expected.stream().filter(n -> !perNumber.containsKey(n)).count();
        long duplicates = perNumber.values().stream().mapToLong(n -> n - 1).sum();
        report.line("%s (after %d submits): lost %d, duplicates %d, all %d reached in %.1f s, states %s", outage,
                before, lost, duplicates, expected.size(), (System.nanoTime() - start) / 1e9, safeStates(rig, id));
        assertThat(lost).as(outage + ": lost").isZero();
        assertThat(perNumber.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(duplicates).as(outage + ": duplicates").isLessThanOrEqualTo(duplicatesAllowed);
    }

    private static boolean allSubmitted(CrashRig rig, long id) {
        try {
            return !rig.messageStates(id).containsKey("QUEUED");
        } catch (RuntimeException databaseNotBackYet) {
            return false;
        }
    }

    private static Object safeStates(CrashRig rig, long id) {
        try {
            return rig.messageStates(id);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}

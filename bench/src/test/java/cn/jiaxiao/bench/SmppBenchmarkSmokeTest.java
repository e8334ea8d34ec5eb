package cn.jiaxiao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark's harness end to end on 1,000 messages: every message submitted once, none lost. */
class SmppBenchmarkSmokeTest {

    @Test
    @Timeout(60)
    void thousandMessagesThroughTheGatewayWithoutLossOrDuplicates() throws Exception {
        BenchOptions options = new BenchOptions(1_000, 2, 32, false, 0, Duration.ofSeconds(25), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SmppBenchmark.Report report = SmppBenchmark.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
        SmppBenchmark.print(report, new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println(out.toString(StandardCharsets.UTF_8));

        assertThat(report.complete()).as("all submitted within the timeout").isTrue();
        assertThat(report.rawFailures()).isZero();
        assertThat(report.raw().messages()).isEqualTo(1_000);
        assertThat(report.gateway().submitted()).isEqualTo(1_000);
        assertThat(report.lost()).as("messages not SUBMITTED").isZero();
        assertThat(report.duplicates()).as("submit_sm beyond one per message").isZero();
        assertThat(report.gateway().smscSubmits()).isEqualTo(1_000);
        assertThat(report.rawRate()).isPositive();
        assertThat(report.gatewayRate()).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("gateway / raw");
    }
}

package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.SessionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BindTest {
    private SmscSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1)
                .systemId("school1").password("secret").build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void acceptsAllThreeBindTypesWithRightCredentials() throws Exception {
        try (TestEsme tx = TestEsme.bind(sim.smppPort(), BindType.BIND_TX, "school1", "secret");
                TestEsme rx = TestEsme.bind(sim.smppPort(), BindType.BIND_RX, "school1", "secret");
                TestEsme trx = TestEsme.bind(sim.smppPort(), BindType.BIND_TRX, "school1", "secret")) {
            assertThat(tx.session.getSessionState()).isEqualTo(SessionState.BOUND_TX);
            assertThat(rx.session.getSessionState()).isEqualTo(SessionState.BOUND_RX);
            assertThat(trx.session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
            Await.until(() -> sim.boundSessions() == 3, Duration.ofSeconds(2), "3 bound sessions");
        }
        Await.until(() -> sim.boundSessions() == 0, Duration.ofSeconds(3), "unbinds to be noticed");
    }

    @Test
    void wrongPasswordIsRefusedWithInvalidPassword() {
        assertThatThrownBy(() -> TestEsme.bind(sim.smppPort(), BindType.BIND_TRX, "school1", "wrong"))
                .isInstanceOf(IOException.class)
                .hasCauseInstanceOf(NegativeResponseException.class)
                .satisfies(e -> assertThat(((NegativeResponseException) e.getCause()).getCommandStatus()).isEqualTo(0x0E));
        assertThat(sim.boundSessions()).isZero();
    }

    @Test
    void wrongSystemIdIsRefusedWithInvalidSystemId() {
        assertThatThrownBy(() -> TestEsme.bind(sim.smppPort(), BindType.BIND_TX, "intruder", "secret"))
                .hasCauseInstanceOf(NegativeResponseException.class)
                .satisfies(e -> assertThat(((NegativeResponseException) e.getCause()).getCommandStatus()).isEqualTo(0x0F));
    }

    @Test
    void outageRefusesBindsUntilLifted() throws Exception {
        sim.setRefuseBinds(true);
        assertThatThrownBy(() -> TestEsme.bind(sim.smppPort(), BindType.BIND_TRX, "school1", "secret"))
                .hasCauseInstanceOf(NegativeResponseException.class)
                .satisfies(e -> assertThat(((NegativeResponseException) e.getCause()).getCommandStatus()).isEqualTo(0x0D));
        sim.setRefuseBinds(false);
        try (TestEsme esme = TestEsme.bind(sim.smppPort(), BindType.BIND_TRX, "school1", "secret")) {
            assertThat(esme.session.getSessionState().isBound()).isTrue();
        }
    }

    @Test
    void enquireLinkIsAnsweredSoAnIdleClientStaysBound() throws Exception {
        try (TestEsme esme = TestEsme.bind(sim.smppPort(), BindType.BIND_TRX, "school1", "secret",
                s -> s.setEnquireLinkTimer(100))) {
            long before = esme.session.getLastActivityTimestamp();
            Thread.sleep(600);
            assertThat(esme.session.getSessionState()).isEqualTo(SessionState.BOUND_TRX);
            assertThat(esme.session.getLastActivityTimestamp()).isGreaterThan(before);
        }
    }

    @Test
    void dropAllSessionsClosesTheClientsConnection() throws Exception {
        try (TestEsme esme = TestEsme.bind(sim.smppPort(), BindType.BIND_TRX, "school1", "secret")) {
            Await.until(() -> sim.boundSessions() == 1, Duration.ofSeconds(2), "bind");
            sim.dropAllSessions();
            Await.until(() -> esme.session.getSessionState() == SessionState.CLOSED, Duration.ofSeconds(5),
                    "client session to close");
            assertThat(sim.boundSessions()).isZero();
        }
    }
}

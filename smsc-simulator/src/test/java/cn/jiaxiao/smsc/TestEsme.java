package cn.jiaxiao.smsc;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/** A minimal ESME built on jsmpp's client, used as the simulator's peer in tests. */
final class TestEsme implements AutoCloseable {
    final SMPPSession session = new SMPPSession();
    final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();

    private TestEsme() {
        session.setTransactionTimer(5000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("unsupported", 0x03);
            }
        });
    }

    static TestEsme bind(int port, BindType type, String systemId, String password) throws IOException {
        return bind(port, type, systemId, password, s -> { });
    }

    static TestEsme bind(int port, BindType type, String systemId, String password,
            java.util.function.Consumer<SMPPSession> beforeBind) throws IOException {
        TestEsme esme = new TestEsme();
        beforeBind.accept(esme.session);
        esme.session.connectAndBind("127.0.0.1", port, new BindParameter(type, systemId, password, "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5000);
        return esme;
    }

    static TestEsme trx(int port) throws IOException {
        return bind(port, BindType.BIND_TRX, "school1", "pw");
    }

    String submit(String source, String destination, byte[] shortMessage, int dataCoding, int esmClass,
            int registeredDelivery, OptionalParameter... tlvs) throws Exception {
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, new ESMClass(esmClass),
                (byte) 0, (byte) 1, null, null, new RegisteredDelivery(registeredDelivery), (byte) 0,
                DataCodings.newInstance((byte) dataCoding), (byte) 0, shortMessage, tlvs).getMessageId();
    }

    DeliverSm awaitDeliver(Duration timeout) throws InterruptedException {
        DeliverSm d = delivered.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no deliver_sm within " + timeout);
        }
        return d;
    }

    @Override
    public void close() {
        // jsmpp's server closes right after unbind_resp and jsmpp's client occasionally loses that race,
        // waiting a full transaction timer for a response it already got; keep teardown short.
        session.setTransactionTimer(500);
        session.unbindAndClose();
    }
}

package cn.jiaxiao.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * The ceiling: a bare jsmpp client, {@code binds} transceiver sessions with {@code window} threads each calling the
 * synchronous submitShortMessage — the same session settings and PDU fields as the gateway's SmppBind, and nothing
 * else (no database, no broker, no rate limiter).
 */
final class RawCeiling {

    static final String SOURCE = "1069000";

    private RawCeiling() {
    }

    record Result(int messages, long failed, double seconds, double jvmCpuSeconds) {
        double rate() {
            return messages / seconds;
        }
    }

    static Result run(int port, int messages, int binds, int window) throws Exception {
        AtomicLong receipts = new AtomicLong();
        List<SMPPSession> sessions = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(binds * window, r -> {
            Thread t = new Thread(r, "raw-submit");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int b = 0; b < binds; b++) {
                sessions.add(bind(port, receipts));
            }
            byte[] body = Workload.BODY.getBytes(StandardCharsets.UTF_16BE);
            AtomicInteger next = new AtomicInteger();
            AtomicLong failed = new AtomicLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (SMPPSession session : sessions) {
                for (int w = 0; w < window; w++) {
                    work.add(threads.submit(() -> {
                        go.await();
                        for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                            try {
                                submit(session, Workload.recipient(i), body);
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
            }
            double cpu = CpuTime.jvmSeconds();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : work) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(messages, failed.get(), seconds, CpuTime.jvmSeconds() - cpu);
        } finally {
            threads.shutdownNow();
            for (SMPPSession s : sessions) {
                s.setTransactionTimer(500);
                s.unbindAndClose();
            }
        }
    }

    private static SMPPSession bind(int port, AtomicLong receipts) throws IOException {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.setEnquireLinkTimer(30_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                receipts.incrementAndGet();
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("unsupported", 0x03);
            }
        });
        session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_TRX, "bench", "", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        return session;
    }

    /** The gateway's submit_sm (SmppBind): UCS-2, receipt requested, no UDH for a single part. */
    private static void submit(SMPPSession session, String destination, byte[] body) throws Exception {
        session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, SOURCE,
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, destination, new ESMClass(), (byte) 0, (byte) 0,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                DataCodings.newInstance((byte) 8), (byte) 0, body);
    }
}

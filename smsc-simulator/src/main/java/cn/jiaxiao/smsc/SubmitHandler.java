package cn.jiaxiao.smsc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decides the fate of each submit_sm: the configured failure, or an id, a record and maybe a receipt. */
final class SubmitHandler extends ServerResponseDeliveryAdapter implements ServerMessageReceiverListener {
    private static final Logger log = LoggerFactory.getLogger(SubmitHandler.class);
    static final int ESME_RTHROTTLED = 0x58;
    static final int ESME_RMSGQFUL = 0x14;
    static final int ESME_RINVDSTADR = 0x0B;
    static final int ESME_RINVMSGLEN = 0x01;

    private final Supplier<SimulatorConfig> config;
    private final SessionRegistry sessions;
    private final MessageIdGenerator ids;
    private final Reassembler reassembler;
    private final MessageStore store;
    private final ReceiptScheduler receipts;
    private final TpsThrottle throttle = new TpsThrottle();
    private final AtomicLong queueFullCounter = new AtomicLong();

    SubmitHandler(Supplier<SimulatorConfig> config, SessionRegistry sessions, MessageIdGenerator ids,
            Reassembler reassembler, MessageStore store, ReceiptScheduler receipts) {
        this.config = config;
        this.sessions = sessions;
        this.ids = ids;
        this.reassembler = reassembler;
        this.store = store;
        this.receipts = receipts;
    }

    void reset() {
        throttle.reset();
        queueFullCounter.set(0);
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession session) throws ProcessRequestException {
        SimulatorConfig cfg = config.get();
        pause(cfg.submitLatency());
        String destination = sm.getDestAddress();
        if (cfg.throttleTps() > 0 && !throttle.tryAcquire(cfg.throttleTps(), System.currentTimeMillis())) {
            throw new ProcessRequestException("throttled", ESME_RTHROTTLED);
        }
        if (cfg.permanentErrorDestinations().contains(destination)) {
            throw new ProcessRequestException("invalid destination", ESME_RINVDSTADR);
        }
        if (cfg.queueFullEvery() > 0 && queueFullCounter.incrementAndGet() % cfg.queueFullEvery() == 0) {
            throw new ProcessRequestException("message queue full", ESME_RMSGQFUL);
        }
        Segment segment;
        try {
            segment = SegmentParser.parse(sm.getShortMessage(), sm.getEsmClass(), sm.getOptionalParameters());
        } catch (IllegalArgumentException e) {
            log.info("rejecting submit_sm to {}: {}", PhoneMask.mask(destination), e.getMessage());
            throw new ProcessRequestException(e.getMessage(), ESME_RINVMSGLEN);
        }
        String systemId = sessions.get(session).map(BoundSession::systemId).orElse("");
        long id = ids.next();
        String messageId = cfg.messageIdFormat().format(id);
        int dataCoding = sm.getDataCoding() & 0xFF;
        int registeredDelivery = sm.getRegisteredDelivery() & 0xFF;
        int esmClass = sm.getEsmClass() & 0xFF;

        store.countSubmit();
        reassembler.add(new Reassembler.Part(systemId, sm.getSourceAddr(), destination, segment, dataCoding,
                registeredDelivery, esmClass, messageId)).ifPresent(store::add);
        log.debug("submit_sm from {} to {} part {}/{} -> id {}", systemId, PhoneMask.mask(destination),
                segment.sequence(), segment.total(), messageId);

        Receipt receipt = null;
        if (cfg.receiptsEnabled() && (registeredDelivery & 0x03) != 0) {
            receipt = new Receipt(systemId, session, sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr(),
                    sm.getDestAddrTon(), sm.getDestAddrNpi(), destination, messageId,
                    cfg.receiptIdFormat().format(id, messageId), cfg.receiptStateFor(destination), Instant.now(),
                    ShortMessageDecoder.decode(segment.payload(), dataCoding), cfg.receiptTlvs(),
                    cfg.receiptOnAnyBind());
        }
        try {
            return new AcceptedSubmit(messageId, receipt, cfg.receiptDelay());
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad message id " + messageId, SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    /** Only now is the id known to the ESME, so only now may its receipt start travelling. */
    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        if (result instanceof AcceptedSubmit accepted && accepted.receipt() != null) {
            receipts.schedule(accepted.receipt(), accepted.receiptDelay());
        }
    }

    private static void pause(Duration d) throws ProcessRequestException {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("interrupted", SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    private static ProcessRequestException unsupported(String what) {
        return new ProcessRequestException(what + " is not supported by the simulator", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
            SMPPServerSession source) throws ProcessRequestException {
        throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw unsupported("data_sm");
    }
}

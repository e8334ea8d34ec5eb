package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.routes.delivery.SmscReceipt;
import java.util.Optional;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sorts what an SMSC delivers into receipts and mobile-originated messages and hands each on. */
final class DeliverSmListener implements MessageReceiverListener {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmListener.class);
    /** ESME_RX_T_APPN: "temporary application error", so that the SMSC delivers the PDU again later. */
    private static final int RETRY_LATER = 0x64;

    private final String connection;
    private final InboundHandler handler;

    DeliverSmListener(String connection, InboundHandler handler) {
        this.connection = connection;
        this.handler = handler;
    }

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
        try {
            if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
                Optional<SmscReceipt> receipt = ReceiptParser.parse(connection, deliverSm);
                if (receipt.isPresent()) {
                    handler.onReceipt(receipt.get());
                } else {
                    log.warn("Unreadable delivery receipt on {} ignored", connection);
                }
            } else {
                handler.onMessage(mobileOriginated(deliverSm));
            }
        } catch (RuntimeException e) {
            log.warn("deliver_sm on {} not taken, the SMSC will retry: {}", connection, e.toString());
            throw new ProcessRequestException("Not stored", RETRY_LATER, e);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
        // no use for alert_notification: nothing is held back waiting for a handset to come back
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", 0x03);
    }

    /**
     * A part of a concatenated message goes on as it is, undecoded: its siblings may come over another
     * bind or to another gateway instance, so it is reassembled where all instances meet (the database).
     */
    private InboundSms mobileOriginated(DeliverSm sm) {
        Optional<MoPart> part = MoParts.partOf(sm);
        if (part.isPresent()) {
            return InboundSms.part(connection, sm.getSourceAddr(), sm.getDestAddress(), part.get());
        }
        return new InboundSms(connection, sm.getSourceAddr(), sm.getDestAddress(),
                MoText.decode(sm.getDataCoding(), MoParts.text(sm)));
    }
}

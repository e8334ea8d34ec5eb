package cn.jiaxiao.smsc;

import java.time.Duration;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/** A submit_sm_resp that remembers the receipt it promised, to be scheduled once the resp is on the wire. */
final class AcceptedSubmit extends SubmitSmResult {
    private final Receipt receipt;
    private final Duration receiptDelay;

    AcceptedSubmit(String messageId, Receipt receipt, Duration receiptDelay) throws PDUStringException {
        super(new MessageId(messageId), new OptionalParameter[0]);
        this.receipt = receipt;
        this.receiptDelay = receiptDelay;
    }

    Receipt receipt() {
        return receipt;
    }

    Duration receiptDelay() {
        return receiptDelay;
    }
}

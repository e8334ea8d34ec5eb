package cn.jiaxiao.routes.delivery;

/**
 * A receipt whose message is not known yet. Usually the receipt overtook the commit of its own submit;
 * the queue redelivers it later, and only a receipt that never matches ends in the dead-letter queue.
 */
public class ReceiptNotMatchedException extends RuntimeException {

    public ReceiptNotMatchedException(SmscReceipt receipt) {
        super("No message for SMSC id " + receipt.smscId() + " on " + receipt.connection());
    }
}

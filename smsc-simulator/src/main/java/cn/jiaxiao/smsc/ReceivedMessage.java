package cn.jiaxiao.smsc;

import java.time.Instant;
import java.util.List;

/** One complete (reassembled) mobile-terminated message as the simulated SMSC understood it. */
public record ReceivedMessage(String systemId, String source, String destination, String text,
        int dataCoding, int parts, List<String> messageIds, int registeredDelivery, int esmClass,
        Instant receivedAt) {

    public ReceivedMessage {
        messageIds = List.copyOf(messageIds);
    }
}

package cn.jiaxiao.routes.delivery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies delivery receipts: the part the receipt names takes its state, and the message takes the
 * outcome of its parts once all have one — DELIVERED only when every part was delivered.
 */
public class ReceiptService {

    private final NamedParameterJdbcTemplate jdbc;
    private final OutboundMessageRepository messages;
    private final TransactionOperations tx;

    public ReceiptService(NamedParameterJdbcTemplate jdbc, OutboundMessageRepository messages,
            TransactionOperations tx) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.tx = tx;
    }

    public void apply(SmscReceipt receipt) {
        DeliveryState partState = DeliveryState.fromReceiptStat(receipt.stat());
        tx.executeWithoutResult(status -> {
            PartRef part = findPart(receipt).orElseThrow(() -> new ReceiptNotMatchedException(receipt));
            messages.lock(part.messageId);
            jdbc.update("""
                    insert into delivery_event (message_id, part_no, smsc_id, stat, err)
                    values (:message, :part, :smscId, :stat, :err)""",
                    new MapSqlParameterSource().addValue("message", part.messageId).addValue("part", part.partNo)
                            .addValue("smscId", receipt.smscId()).addValue("stat", receipt.stat())
                            .addValue("err", receipt.err()));
            if (partState == DeliveryState.SUBMITTED) {
                return; // an intermediate notification: nothing final yet
            }
            jdbc.update("""
                    update sms_part set state = :state, done_at = now()
                    where message_id = :message and part_no = :part""",
                    Map.of("state", partState.name(), "message", part.messageId, "part", part.partNo));
            messages.settleFromParts(part.messageId);
        });
    }

    private Optional<PartRef> findPart(SmscReceipt receipt) {
        for (String key : SmscIdKey.candidates(receipt.smscId())) {
            List<PartRef> parts = jdbc.query("""
                    select message_id, part_no from sms_part where connection = :connection and smsc_key = :key
                    order by submitted_at desc limit 1""",
                    Map.of("connection", receipt.connection(), "key", key),
                    (rs, n) -> new PartRef(rs.getLong("message_id"), rs.getInt("part_no")));
            if (!parts.isEmpty()) {
                return Optional.of(parts.get(0));
            }
        }
        // Accounts of one SMSC may share a system_id, and the SMSC then delivers a receipt on any of their
        // sessions: the exact id is taken on another connection, but only when it is unambiguous.
        List<PartRef> elsewhere = jdbc.query("""
                select message_id, part_no from sms_part where smsc_key = :key limit 2""",
                Map.of("key", SmscIdKey.canonical(receipt.smscId())),
                (rs, n) -> new PartRef(rs.getLong("message_id"), rs.getInt("part_no")));
        return elsewhere.size() == 1 ? Optional.of(elsewhere.get(0)) : Optional.empty();
    }

    private record PartRef(long messageId, int partNo) {
    }
}

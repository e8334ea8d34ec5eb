package cn.jiaxiao.routes.sms;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.routes.smpp.InboundSms;
import cn.jiaxiao.routes.smpp.MoReassembler;
import cn.jiaxiao.routes.smpp.ReassembledMo;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps every mobile-originated SMS, the sender's number sealed like every other contact point. A part
 * of a concatenated message is held until its siblings are there; the message is then stored once,
 * in the transaction that completes it.
 */
public class InboundSmsStore {

    private static final Logger log = LoggerFactory.getLogger(InboundSmsStore.class);
    /** How long the parts of a message may take to arrive, unless configured otherwise. */
    public static final Duration DEFAULT_REASSEMBLY_WINDOW = Duration.ofHours(1);
    private static final int STALE_BATCH = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;
    private final TransactionOperations tx;
    private final MoReassembler reassembler;

    public InboundSmsStore(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this(jdbc, cipher, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getJdbcTemplate().getDataSource())),
                new MoReassembler(jdbc, cipher, Clock.systemUTC(), DEFAULT_REASSEMBLY_WINDOW));
    }

    public InboundSmsStore(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, TransactionOperations tx,
            MoReassembler reassembler) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.tx = tx;
        this.reassembler = reassembler;
    }

    /**
     * @return the stored message's id, for the reply handler; null while a concatenated message waits for
     *         more parts
     */
    public Long record(InboundSms sms) {
        if (sms.part() == null) {
            return insert(sms, 1, false);
        }
        return tx.execute(status -> reassembler.accept(sms).map(this::insert).orElse(null));
    }

    /** Stores what arrived of messages whose missing parts are overdue, marked incomplete; how many. */
    public int flushIncomplete() {
        int flushed = 0;
        for (MoReassembler.Group group : reassembler.staleGroups(STALE_BATCH)) {
            Optional<ReassembledMo> closed = tx.execute(status -> {
                Optional<ReassembledMo> mo = reassembler.closeStale(group);
                mo.ifPresent(this::insert);
                return mo;
            });
            flushed += closed != null && closed.isPresent() ? 1 : 0;
        }
        reassembler.purgeCompleted();
        return flushed;
    }

    public int count() {
        Integer n = jdbc.queryForObject("select count(*) from inbound_message", Map.of(), Integer.class);
        return n == null ? 0 : n;
    }

    private Long insert(ReassembledMo mo) {
        return insert(mo.sms(), mo.partsReceived(), mo.incomplete());
    }

    private Long insert(InboundSms sms, int parts, boolean incomplete) {
        String source = MobileNumber.parse(sms.source()).map(MobileNumber::e164).orElse(sms.source());
        Long id = jdbc.queryForObject("""
                insert into inbound_message (connection, source_enc, source_hash, destination, body, parts, incomplete)
                values (:connection, :enc, :hash, :destination, :body, :parts, :incomplete) returning id""",
                new MapSqlParameterSource().addValue("connection", sms.connection())
                        .addValue("enc", cipher.encrypt(source)).addValue("hash", cipher.lookupHash(source))
                        .addValue("destination", sms.destination()).addValue("body", sms.text())
                        .addValue("parts", parts).addValue("incomplete", incomplete), Long.class);
        log.info("MO from {} to {} recorded{}", MobileNumber.mask(sms.source()), sms.destination(),
                parts > 1 ? " (" + parts + " parts" + (incomplete ? ", incomplete)" : ")") : "");
        return id;
    }
}

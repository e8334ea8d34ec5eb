package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Puts concatenated mobile-originated messages back together in PostgreSQL, which every gateway
 * instance shares: the parts of one message may come over different binds or to different instances.
 * A group is the connection, sender, service number, reference and part count. Every method must run
 * inside the caller's transaction: the group's advisory lock, taken first, makes whoever stores the
 * last part the only one to see the group complete, and the completion is committed together with
 * the caller's use of it (the stored inbound message) — exactly once.
 *
 * <p>Completed parts stay for {@code window}, so that a part the SMSC delivers again after the message
 * was completed is recognised as a repeat; a part of a later message that reuses the reference (the
 * 8-bit one wraps after 256 messages) differs in content and starts a new group. A group still
 * incomplete after {@code window} is given up on: {@link #closeStale} hands on what arrived of it.
 */
public class MoReassembler {

    private static final Logger log = LoggerFactory.getLogger(MoReassembler.class);
    /** The first key of the advisory locks taken here, to keep clear of any other use of advisory locks. */
    private static final int LOCK_SPACE = 0x4D4F5052; // "MOPR"

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;
    private final Clock clock;
    private final Duration window;

    public MoReassembler(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, Clock clock, Duration window) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.window = window;
    }

    /** A group of parts, as the database keys it. */
    public record Group(String connection, byte[] sourceHash, String destination, int reference, int total) {
    }

    /** Stores a part; the whole message when this part was its last missing one. */
    public Optional<ReassembledMo> accept(InboundSms sms) {
        MoPart part = Objects.requireNonNull(sms.part(), "not a part");
        String source = normalised(sms.source());
        Group group = new Group(sms.connection(), cipher.lookupHash(source), sms.destination(), part.reference(),
                part.total());
        lock(group);
        Instant now = clock.instant();
        List<StoredPart> existing = jdbc.query("""
                select payload, completed_at from mo_part where connection = :connection and source_hash = :hash
                and destination = :destination and reference = :reference and total = :total and part_no = :part""",
                key(group).addValue("part", part.number()),
                (rs, n) -> new StoredPart(rs.getBytes("payload"), rs.getTimestamp("completed_at")));
        if (!existing.isEmpty()) {
            StoredPart stored = existing.get(0);
            boolean same = Arrays.equals(stored.payload, part.payload());
            if (stored.completedAt == null) {
                if (!same) {
                    log.warn("MO part {}/{} from {} (ref {}) differs from the one already held; kept the first",
                            part.number(), part.total(), MobileNumber.mask(sms.source()), part.reference());
                }
                return Optional.empty();
            }
            if (same && stored.completedAt.toInstant().isAfter(now.minus(window))) {
                return Optional.empty(); // the SMSC delivered a part of a completed message again
            }
            // a new message under a reference used before: the old message's parts have served
            jdbc.update("""
                    delete from mo_part where connection = :connection and source_hash = :hash
                    and destination = :destination and reference = :reference and total = :total
                    and completed_at is not null""", key(group));
        }
        jdbc.update("""
                insert into mo_part (connection, source_hash, destination, reference, total, part_no, source_enc,
                    data_coding, payload, received_at)
                values (:connection, :hash, :destination, :reference, :total, :part, :enc, :dataCoding, :payload, :now)""",
                key(group).addValue("part", part.number()).addValue("enc", cipher.encrypt(source))
                        .addValue("dataCoding", part.dataCoding()).addValue("payload", part.payload())
                        .addValue("now", Timestamp.from(now)));
        List<MoPart> parts = openParts(group);
        if (parts.size() < part.total()) {
            return Optional.empty();
        }
        complete(group, now);
        return Optional.of(new ReassembledMo(new InboundSms(sms.connection(), sms.source(), sms.destination(),
                MoText.join(parts)), parts.size(), part.total()));
    }

    /** Groups whose first part came more than {@code window} ago and that are still incomplete. */
    public List<Group> staleGroups(int limit) {
        return jdbc.query("""
                select connection, source_hash, destination, reference, total from mo_part
                where completed_at is null group by connection, source_hash, destination, reference, total
                having min(received_at) < :cutoff limit :limit""",
                new MapSqlParameterSource().addValue("cutoff", Timestamp.from(clock.instant().minus(window)))
                        .addValue("limit", limit),
                (rs, n) -> new Group(rs.getString("connection"), rs.getBytes("source_hash"),
                        rs.getString("destination"), rs.getInt("reference"), rs.getInt("total")));
    }

    /** Gives up waiting for a group's missing parts: what arrived, in part order; empty if already done. */
    public Optional<ReassembledMo> closeStale(Group group) {
        lock(group);
        List<MoPart> parts = openParts(group);
        if (parts.isEmpty()) {
            return Optional.empty(); // completed or closed by another instance meanwhile
        }
        byte[] sourceEnc = jdbc.queryForObject("""
                select source_enc from mo_part where connection = :connection and source_hash = :hash
                and destination = :destination and reference = :reference and total = :total limit 1""",
                key(group), byte[].class);
        complete(group, clock.instant());
        String source = cipher.decrypt(sourceEnc);
        log.warn("MO from {} (ref {}) incomplete after {}: {} of {} parts kept", MobileNumber.mask(source),
                group.reference(), window, parts.size(), group.total());
        return Optional.of(new ReassembledMo(new InboundSms(group.connection(), source, group.destination(),
                MoText.join(parts)), parts.size(), group.total()));
    }

    /** Forgets completed parts once a repeat of them can no longer be told from a new message. */
    public int purgeCompleted() {
        return jdbc.update("delete from mo_part where completed_at < :cutoff",
                new MapSqlParameterSource("cutoff", Timestamp.from(clock.instant().minus(window))));
    }

    private void lock(Group group) {
        int groupHash = Objects.hash(group.connection(), Arrays.hashCode(group.sourceHash()), group.destination(),
                group.reference(), group.total());
        // a hash collision only makes two groups wait for each other
        jdbc.queryForList("select pg_advisory_xact_lock(:space, :group)",
                new MapSqlParameterSource().addValue("space", LOCK_SPACE).addValue("group", groupHash));
    }

    private List<MoPart> openParts(Group group) {
        return jdbc.query("""
                select part_no, data_coding, payload from mo_part where connection = :connection
                and source_hash = :hash and destination = :destination and reference = :reference
                and total = :total and completed_at is null order by part_no""", key(group),
                (rs, n) -> new MoPart(group.reference(), group.total(), rs.getInt("part_no"), rs.getInt("data_coding"),
                        rs.getBytes("payload")));
    }

    private void complete(Group group, Instant now) {
        jdbc.update("""
                update mo_part set completed_at = :now where connection = :connection and source_hash = :hash
                and destination = :destination and reference = :reference and total = :total
                and completed_at is null""", key(group).addValue("now", Timestamp.from(now)));
    }

    private static MapSqlParameterSource key(Group group) {
        return new MapSqlParameterSource().addValue("connection", group.connection())
                .addValue("hash", group.sourceHash()).addValue("destination", group.destination())
                .addValue("reference", group.reference()).addValue("total", group.total());
    }

    private static String normalised(String source) {
        return MobileNumber.parse(source).map(MobileNumber::e164).orElse(source);
    }

    private record StoredPart(byte[] payload, Timestamp completedAt) {
    }
}

package cn.jiaxiao.routes.reply;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What the reply handler reads and writes: stored MOs, their handling, confirmations, opt-outs, the inbox. */
public class ReplyRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    public ReplyRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A stored MO; {@code source} decrypted (E.164), never to be logged unmasked. */
    public record Inbound(long id, String connection, String source, byte[] sourceHash, String destination,
            String body, Instant receivedAt, boolean incomplete) {
    }

    /** A reply-required notice sent to a number, and its kind. */
    public record SentNotice(ConfirmationMatcher.Candidate candidate, String kind) {
    }

    public Optional<Inbound> inbound(long id) {
        return jdbc.query("""
                select id, connection, source_enc, source_hash, destination, body, received_at, incomplete
                from inbound_message where id = :id""", Map.of("id", id), (rs, n) -> new Inbound(rs.getLong("id"),
                rs.getString("connection"), cipher.decrypt(rs.getBytes("source_enc")), rs.getBytes("source_hash"),
                rs.getString("destination"), rs.getString("body"), rs.getTimestamp("received_at").toInstant(),
                rs.getBoolean("incomplete"))).stream().findFirst();
    }

    /**
     * Takes the MO for handling, once: an MO seen before (a redelivery, or the sweep racing the route) answers
     * empty. Blocks while another transaction holds the same MO, until that one commits or rolls back.
     */
    public Optional<Long> claim(Inbound mo) {
        return jdbc.queryForList("""
                insert into parent_reply (inbound_id, source_hash, intent, outcome, body, received_at)
                values (:inbound, :hash, 'PENDING', 'PENDING', :body, :received)
                on conflict (inbound_id) do nothing returning id""",
                new MapSqlParameterSource().addValue("inbound", mo.id()).addValue("hash", mo.sourceHash())
                        .addValue("body", mo.body()).addValue("received", Timestamp.from(mo.receivedAt())),
                Long.class).stream().findFirst();
    }

    /** Stored MOs of the last {@code horizon} never handled (a crash between storing and handling). */
    public List<Long> unhandled(Duration olderThan, Duration horizon, int limit) {
        return jdbc.queryForList("""
                select m.id from inbound_message m
                where m.received_at < now() - make_interval(secs => :older)
                  and m.received_at > now() - make_interval(secs => :horizon)
                  and not exists (select 1 from parent_reply r where r.inbound_id = m.id)
                order by m.id limit :limit""",
                new MapSqlParameterSource().addValue("older", (double) olderThan.toSeconds())
                        .addValue("horizon", (double) horizon.toSeconds()).addValue("limit", limit), Long.class);
    }

    public record Outcome(Long guardianId, Long studentId, Long classId, Long noticeId, String intent,
            String outcome, String detail, boolean answered) {
    }

    public void settle(long replyId, Outcome o) {
        jdbc.update("""
                update parent_reply set guardian_id = :guardian, student_id = :student, class_id = :class,
                  notice_id = :notice, intent = :intent, outcome = :outcome, detail = :detail, answered = :answered,
                  handled_at = now()
                where id = :id""",
                new MapSqlParameterSource().addValue("id", replyId).addValue("guardian", o.guardianId())
                        .addValue("student", o.studentId()).addValue("class", o.classId())
                        .addValue("notice", o.noticeId()).addValue("intent", o.intent())
                        .addValue("outcome", o.outcome())
                        .addValue("detail", o.detail() == null ? null
                                : o.detail().substring(0, Math.min(200, o.detail().length())))
                        .addValue("answered", o.answered()));
    }

    public List<Long> guardianIdsByHash(byte[] hash) {
        return jdbc.queryForList("select id from guardian where mobile_hash = :hash order by id",
                Map.of("hash", hash), Long.class);
    }

    /** Texts the gateway sent the number lately: an incoming copy of one is an echo, not a parent. */
    public List<String> recentOutgoing(byte[] hash) {
        return jdbc.queryForList("""
                select body from outbound_message where recipient_hash = :hash and channel = 'SMS'
                  and created_at > now() - interval '1 day' order by id desc limit 20""",
                Map.of("hash", hash), String.class);
    }

    /** Answers the gateway sent this number within the last hour: the per-number rate limit. */
    public int answersInLastHour(byte[] hash) {
        Integer n = jdbc.queryForObject("""
                select count(*) from parent_reply where source_hash = :hash and answered
                  and handled_at > now() - interval '1 hour'""", Map.of("hash", hash), Integer.class);
        return n == null ? 0 : n;
    }

    /** Reply-required notices whose SMS went to the number in the last 30 days, with whether they are answered. */
    public List<SentNotice> sentNotices(byte[] hash, Collection<Long> guardianIds) {
        return jdbc.query("""
                select n.id, coalesce(n.reply_for, n.id) as counts_on, n.kind, max(m.created_at) as sent_at,
                  case when n.kind = 'ABSENCE'
                       then exists (select 1 from absence a where a.notice_id = n.id and a.replied_at is not null)
                       else exists (select 1 from notice_confirmation c where c.notice_id = coalesce(n.reply_for, n.id)
                                    and c.guardian_id in (:guardians)) end as confirmed
                from outbound_message m join notice n on n.id = m.notice_id
                where m.recipient_hash = :hash and m.channel = 'SMS' and n.reply_required
                  and m.created_at > now() - interval '30 days'
                group by n.id""",
                new MapSqlParameterSource().addValue("hash", hash)
                        .addValue("guardians", guardianIds.isEmpty() ? List.of(-1L) : guardianIds),
                (rs, i) -> new SentNotice(new ConfirmationMatcher.Candidate(rs.getLong("id"), rs.getLong("counts_on"),
                        rs.getTimestamp("sent_at").toInstant(), rs.getBoolean("confirmed")), rs.getString("kind")));
    }

    /** The guardian of those given whom the notice reached (the one to count the confirmation for). */
    public Optional<Long> guardianReached(long noticeId, Collection<Long> guardianIds) {
        return jdbc.queryForList("""
                select guardian_id from outbound_message where notice_id = :notice and guardian_id in (:ids)
                order by id limit 1""", Map.of("notice", noticeId, "ids", guardianIds), Long.class)
                .stream().findFirst();
    }

    /** @return false when this guardian had confirmed the notice already */
    public boolean confirm(long noticeId, long guardianId, long replyId, Instant at) {
        return jdbc.update("""
                insert into notice_confirmation (notice_id, guardian_id, reply_id, confirmed_at)
                values (:notice, :guardian, :reply, :at) on conflict do nothing""",
                new MapSqlParameterSource().addValue("notice", noticeId).addValue("guardian", guardianId)
                        .addValue("reply", replyId).addValue("at", Timestamp.from(at))) > 0;
    }

    public int confirmedCount(long noticeId) {
        Integer n = jdbc.queryForObject("select count(*) from notice_confirmation where notice_id = :id",
                Map.of("id", noticeId), Integer.class);
        return n == null ? 0 : n;
    }

    /** One guardian the notice reached by SMS, and when he confirmed (null: not yet). */
    public record ConfirmationRow(long guardianId, String guardianName, String mobile, List<String> students,
            Instant confirmedAt) {
    }

    public List<ConfirmationRow> confirmations(long noticeId) {
        return jdbc.query("""
                select g.id, g.name, min(m.recipient_masked) as masked, c.confirmed_at,
                  (select string_agg(s.name, '、' order by s.name) from guardian_student gs
                     join student s on s.id = gs.student_id
                     where gs.guardian_id = g.id
                       and s.class_id in (select class_id from notice_class where notice_id = :id)) as students
                from outbound_message m join guardian g on g.id = m.guardian_id
                left join notice_confirmation c on c.notice_id = :id and c.guardian_id = g.id
                where m.notice_id = :id and m.channel = 'SMS'
                group by g.id, g.name, c.confirmed_at
                order by c.confirmed_at nulls last, g.id""", Map.of("id", noticeId), (rs, i) -> new ConfirmationRow(
                rs.getLong("id"), rs.getString("name"), rs.getString("masked"),
                rs.getString("students") == null ? List.of() : List.of(rs.getString("students").split("、")),
                rs.getTimestamp("confirmed_at") == null ? null : rs.getTimestamp("confirmed_at").toInstant()));
    }

    /** Guardians the notice reached by SMS who have not confirmed it. */
    public List<Long> notConfirmed(long noticeId) {
        return jdbc.queryForList("""
                select distinct m.guardian_id from outbound_message m
                where m.notice_id = :id and m.channel = 'SMS' and m.guardian_id is not null
                  and not exists (select 1 from notice_confirmation c
                                  where c.notice_id = :id and c.guardian_id = m.guardian_id)
                order by m.guardian_id""", Map.of("id", noticeId), Long.class);
    }

    public void optOut(Collection<Long> guardianIds, long replyId) {
        for (Long id : guardianIds) {
            jdbc.update("""
                    insert into guardian_opt_out (guardian_id, reply_id) values (:guardian, :reply)
                    on conflict (guardian_id) do nothing""", Map.of("guardian", id, "reply", replyId));
        }
    }

    public Set<Long> optedOut(Collection<Long> guardianIds) {
        Set<Long> out = new HashSet<>();
        List<Long> all = List.copyOf(guardianIds);
        for (int from = 0; from < all.size(); from += 10_000) {
            out.addAll(jdbc.queryForList("select guardian_id from guardian_opt_out where guardian_id in (:ids)",
                    Map.of("ids", all.subList(from, Math.min(all.size(), from + 10_000))), Long.class));
        }
        return out;
    }

    /** Holders of a role at exactly this unit (the head teacher of a class, the leader of a grade). */
    public List<Long> holdersAt(String role, long unitId) {
        return jdbc.queryForList("""
                select r.account_id from role_assignment r join staff_account a on a.id = r.account_id
                where r.role = :role and r.unit_id = :unit and a.status = 'ACTIVE' order by r.account_id""",
                Map.of("role", role, "unit", unitId), Long.class);
    }

    /** Someone to file the gateway's own answers under when a class has no head teacher: the principal. */
    public Optional<Long> principal() {
        return jdbc.queryForList("""
                select account_id from role_assignment where role = 'PRINCIPAL' order by account_id limit 1""",
                Map.of(), Long.class).stream().findFirst();
    }

    /** A reply in the teacher's inbox. */
    public record InboxItem(long id, Long classId, Long studentId, String studentName, String guardianName,
            Long noticeId, String intent, String outcome, String detail, String text, Instant receivedAt) {
    }

    public List<InboxItem> inbox(int limit) {
        return jdbc.query("""
                select r.id, r.class_id, r.student_id, s.name as student_name, g.name as guardian_name, r.notice_id,
                  r.intent, r.outcome, r.detail, r.body, r.received_at
                from parent_reply r left join student s on s.id = r.student_id
                left join guardian g on g.id = r.guardian_id
                where r.outcome = 'FOR_TEACHER' order by r.id desc limit :limit""", Map.of("limit", limit),
                (rs, i) -> new InboxItem(rs.getLong("id"), (Long) rs.getObject("class_id"),
                        (Long) rs.getObject("student_id"), rs.getString("student_name"), rs.getString("guardian_name"),
                        (Long) rs.getObject("notice_id"), rs.getString("intent"), rs.getString("outcome"),
                        rs.getString("detail"), rs.getString("body"), rs.getTimestamp("received_at").toInstant()));
    }
}

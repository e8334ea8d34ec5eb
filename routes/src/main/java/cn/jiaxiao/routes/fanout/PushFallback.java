package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.provisioning.people.GuardianContact;
import cn.jiaxiao.provisioning.people.GuardianDirectory;
import cn.jiaxiao.routes.delivery.NewMessage;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.notice.Notice;
import cn.jiaxiao.routes.notice.NoticeRepository;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Push first, SMS only where push didn't reach (SMS costs money): once a fallback notice's push messages are
 * older than the wait, every guardian none of whose pushes was delivered gets the SMS, held for the next sweep of
 * {@code HeldMessages} (so quiet hours apply to it too). Each push message is looked at once.
 */
public class PushFallback {

    /** One instance of the cluster at a time: the sweep reads, then writes. */
    private static final long LOCK = 0x6a78_6662L; // "jxfb"

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionOperations tx;
    private final NoticeRepository notices;
    private final GuardianDirectory guardians;
    private final OutboundMessageRepository messages;
    private final MessageComposer composer;
    private final Clock clock;

    public PushFallback(NamedParameterJdbcTemplate jdbc, TransactionOperations tx, NoticeRepository notices,
            GuardianDirectory guardians, OutboundMessageRepository messages, MessageComposer composer, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.notices = notices;
        this.guardians = guardians;
        this.messages = messages;
        this.composer = composer;
        this.clock = clock;
    }

    /** @return the fallback SMS created */
    public int sendDue(Duration wait) {
        Integer created = tx.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(:lock)",
                    Map.of("lock", LOCK), Boolean.class))) {
                return 0;
            }
            Instant now = clock.instant();
            List<Unreached> due = jdbc.query("""
                    select p.id, p.notice_id, p.guardian_id, n.fallback,
                           exists (select 1 from outbound_message d where d.notice_id = p.notice_id
                                   and d.guardian_id = p.guardian_id and d.channel = 'PUSH' and d.state = 'DELIVERED')
                           or exists (select 1 from outbound_message s where s.notice_id = p.notice_id
                                   and s.guardian_id = p.guardian_id and s.channel = 'SMS') as reached
                    from outbound_message p join notice n on n.id = p.notice_id
                    where p.channel = 'PUSH' and p.fallback_checked_at is null and p.created_at < :cutoff
                      and p.guardian_id is not null
                    order by p.id limit 1000""",
                    new MapSqlParameterSource().addValue("cutoff", Timestamp.from(now.minus(wait))),
                    (rs, n) -> new Unreached(rs.getLong("id"), rs.getLong("notice_id"), rs.getLong("guardian_id"),
                            rs.getBoolean("fallback") && !rs.getBoolean("reached")));
            if (due.isEmpty()) {
                return 0;
            }
            jdbc.update("update outbound_message set fallback_checked_at = now() where id in (:ids)",
                    Map.of("ids", due.stream().map(Unreached::pushId).toList()));
            List<NewMessage> sms = new ArrayList<>();
            Map<List<Long>, Unreached> firstPerGuardian = due.stream().filter(Unreached::needsSms).collect(
                    Collectors.toMap(u -> List.of(u.noticeId(), u.guardianId()), Function.identity(), (a, b) -> a));
            Map<Long, GuardianContact> contacts = guardians.guardiansByIds(firstPerGuardian.values().stream()
                    .map(Unreached::guardianId).distinct().toList()).stream()
                    .collect(Collectors.toMap(GuardianContact::guardianId, Function.identity()));
            for (Unreached unreached : firstPerGuardian.values()) {
                Notice notice = notices.find(unreached.noticeId()).orElse(null);
                GuardianContact guardian = contacts.get(unreached.guardianId());
                if (notice != null && guardian != null && guardian.mobile() != null) {
                    composer.fallbackSms(notice, guardian, unreached.pushId()).map(m -> m.notBefore(now))
                            .ifPresent(sms::add);
                }
            }
            messages.insertAll(sms);
            return sms.size();
        });
        return created == null ? 0 : created;
    }

    private record Unreached(long pushId, long noticeId, long guardianId, boolean needsSms) {
    }
}

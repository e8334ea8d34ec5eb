package cn.jiaxiao.routes.quota;

import cn.jiaxiao.routes.notice.Notice;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * No guardian gets more than N non-emergency notices a day (school-rules §4, no 刷屏). Counted in SQL over
 * {@code outbound_message}: the outbox already is the durable, shared record of who was sent what and when,
 * so a count is exact and needs no state of its own — where Bucket4j would need one bucket per guardian,
 * kept in step with the outbox, and its tokens taken at fan-out, per recipient.
 *
 * <p>"Today" is the database's today in the school's time zone, as {@code created_at} is the database's time.
 * A guardian's count is the number of distinct notices (not channels or SMS parts) he got today.
 */
public class RecipientCap {

    private final NamedParameterJdbcTemplate jdbc;
    private final QuotaSettings settings;
    private final ZoneId zone;

    public RecipientCap(NamedParameterJdbcTemplate jdbc, QuotaSettings settings, ZoneId zone) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.zone = zone;
    }

    /** Refuses (422) a non-emergency notice one of whose guardians already got N notices today. */
    public void check(Notice notice) {
        if (notice.isEmergency()) {
            return;
        }
        int cap = settings.recipientDailyMessages();
        Map<String, Object> counts = jdbc.queryForMap("""
                with recipient as (
                    select gs.guardian_id from notice_class nc
                    join student s on s.class_id = nc.class_id
                    join guardian_student gs on gs.student_id = s.id
                    where nc.notice_id = :notice
                    union
                    select guardian_id from notice_guardian where notice_id = :notice
                ), over_cap as (
                    select m.guardian_id from outbound_message m
                    join notice n on n.id = m.notice_id
                    where m.guardian_id in (select guardian_id from recipient)
                      and m.notice_id <> :notice and n.kind <> 'EMERGENCY'
                      and m.created_at >= date_trunc('day', now() at time zone :zone) at time zone :zone
                    group by m.guardian_id
                    having count(distinct m.notice_id) >= :cap
                )
                select (select count(*) from recipient) as recipients, (select count(*) from over_cap) as over""",
                Map.of("notice", notice.id(), "zone", zone.getId(), "cap", cap));
        int over = ((Number) counts.get("over")).intValue();
        if (over > 0) {
            throw QuotaExceededException.recipients(over, ((Number) counts.get("recipients")).intValue(), cap);
        }
    }
}

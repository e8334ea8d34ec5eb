package cn.jiaxiao.app.content;

import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.content.ContentListService;
import cn.jiaxiao.routes.content.ContentListsReloadRoute;
import cn.jiaxiao.routes.content.ContentPolicy;
import cn.jiaxiao.routes.content.TermListRepository;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the content check (school-rules §3) over the school's lists in PostgreSQL.
 *
 * <ul>
 *   <li>{@code jiaxiao.content.school-numbers}: the school's own phone numbers (comma separated), which notices
 *       may carry without a personal-data warning; default none.</li>
 *   <li>{@code jiaxiao.content.reload-period}: how often every instance polls the lists' version; default 10s.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

    @Bean
    TermListRepository termListRepository(NamedParameterJdbcTemplate jdbc) {
        return new TermListRepository(jdbc);
    }

    /** Seeds the shipped defaults into a fresh database and loads the lists before the first request. */
    @Bean
    ContentPolicy contentPolicy(TermListRepository lists, TransactionTemplate tx, AdminAuditLog audit,
            @Value("${jiaxiao.content.school-numbers:}") List<String> schoolNumbers) {
        Set<String> numbers = schoolNumbers.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        ContentPolicy policy = new ContentPolicy(lists, tx, audit, numbers);
        policy.seedDefaultsIfEmpty();
        policy.reloadIfChanged();
        return policy;
    }

    @Bean
    ContentListService contentListService(TermListRepository lists, ContentPolicy policy, UnitRepository units,
            AdminAuditLog audit, TransactionTemplate tx) {
        return new ContentListService(lists, policy, units, audit, tx);
    }

    @Bean
    ContentListsReloadRoute contentListsReloadRoute(ContentPolicy policy,
            @Value("${jiaxiao.content.reload-period:10s}") Duration period) {
        return new ContentListsReloadRoute(policy, period);
    }
}

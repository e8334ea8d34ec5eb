package cn.jiaxiao.routes.fanout;

import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** What the fan-out needs beyond the roster: guardians' channel preferences and their live push subscriptions. */
public class GuardianReach {

    private final NamedParameterJdbcTemplate jdbc;
    private final PushSubscriptionRepository subscriptions;

    public GuardianReach(NamedParameterJdbcTemplate jdbc, PushSubscriptionRepository subscriptions) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
    }

    public Map<Long, Set<Channel>> preferences(Collection<Long> guardianIds) {
        Map<Long, Set<Channel>> preferences = new HashMap<>();
        forSlices(guardianIds, slice -> jdbc.query(
                "select guardian_id, channels from guardian_preference where guardian_id in (:ids)",
                Map.of("ids", slice), rs -> {
                    Set<Channel> channels = EnumSet.noneOf(Channel.class);
                    for (String name : rs.getString("channels").split(",")) {
                        if (!name.isBlank()) {
                            channels.add(Channel.valueOf(name.trim()));
                        }
                    }
                    preferences.put(rs.getLong("guardian_id"), channels);
                }));
        return preferences;
    }

    /** Per guardian, the ids of his push subscriptions that were not pruned. */
    public Map<Long, List<Long>> pushSubscriptions(Collection<Long> guardianIds) {
        Map<Long, List<Long>> ids = new HashMap<>();
        subscriptions.activeFor(guardianIds).forEach((guardian, refs) ->
                ids.put(guardian, refs.stream().map(PushSubscriptionRepository.SubscriptionRef::id).toList()));
        return ids;
    }

    /** A statement takes at most 32,767 parameters; a district has more guardians. */
    private static void forSlices(Collection<Long> ids, java.util.function.Consumer<List<Long>> action) {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += 10_000) {
            action.accept(all.subList(from, Math.min(all.size(), from + 10_000)));
        }
    }
}

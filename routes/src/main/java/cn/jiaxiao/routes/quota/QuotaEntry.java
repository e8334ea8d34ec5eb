package cn.jiaxiao.routes.quota;

import java.util.List;

/**
 * One account's or unit's quotas as shown to users: the limits in force, whether a manager set them
 * ({@code custom}) or they are the defaults, and their use today and this month.
 */
public record QuotaEntry(QuotaScope scope, long id, String name, boolean custom, Integer dailySms,
        Integer monthlySms, List<QuotaUse> use) {
}

package cn.jiaxiao.routes.quota;

/**
 * One quota in one period, as it stands: {@code limit} and {@code remaining} are null when unlimited.
 *
 * @param name the account's real name or the unit's name
 */
public record QuotaUse(QuotaScope scope, long id, String name, QuotaPeriod period, Integer limit, long used,
        Long remaining) {
}

package cn.jiaxiao.routes.quota;

/**
 * A manager's setting, replacing the previous one: a missing or null limit is unlimited. The per-recipient
 * cap may only be set on the school unit; null there is the configured default.
 */
public record QuotaRequest(Long dailySms, Long monthlySms, Long recipientDailyMessages) {
}

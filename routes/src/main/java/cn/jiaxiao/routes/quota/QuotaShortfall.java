package cn.jiaxiao.routes.quota;

/** A quota a notice would exceed: its limit, what is used and left of it, and what the notice needs. */
public record QuotaShortfall(QuotaScope scope, long id, String name, QuotaPeriod period, int limit, long used,
        long remaining, int needed) {

    static QuotaShortfall of(QuotaUse use, int needed) {
        return new QuotaShortfall(use.scope(), use.id(), use.name(), use.period(), use.limit(), use.used(),
                use.remaining(), needed);
    }

    /** 七(1)班刘老师 今日额度 100 条，已用 80 条，剩余 20 条，本通知需要 128 条 */
    public String describe() {
        return (scope == QuotaScope.ACCOUNT ? "账号 " : "单位 ") + name + " " + period.label() + "额度 " + limit
                + " 条，已用 " + used + " 条，剩余 " + remaining + " 条，本通知需要 " + needed + " 条";
    }
}

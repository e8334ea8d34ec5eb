package cn.jiaxiao.routes.quota;

/**
 * What applies where no account manager has set a quota ({@code jiaxiao.quota.*}); null is unlimited.
 *
 * @param recipientDailyMessages N: no guardian gets more than N non-emergency notices a day
 */
public record QuotaDefaults(Integer accountDailySms, Integer accountMonthlySms, Integer unitDailySms,
        Integer unitMonthlySms, int recipientDailyMessages) {

    public QuotaLimits forScope(QuotaScope scope) {
        return scope == QuotaScope.ACCOUNT ? new QuotaLimits(accountDailySms, accountMonthlySms)
                : new QuotaLimits(unitDailySms, unitMonthlySms);
    }
}

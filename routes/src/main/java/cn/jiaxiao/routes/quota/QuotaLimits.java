package cn.jiaxiao.routes.quota;

/** Daily and monthly SMS parts; null is unlimited. */
public record QuotaLimits(Integer dailySms, Integer monthlySms) {

    public static final QuotaLimits UNLIMITED = new QuotaLimits(null, null);

    public Integer limit(QuotaPeriod period) {
        return period == QuotaPeriod.DAY ? dailySms : monthlySms;
    }

    public boolean isUnlimited() {
        return dailySms == null && monthlySms == null;
    }
}

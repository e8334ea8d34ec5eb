package cn.jiaxiao.routes.quota;

/** Whose quota: one staff account's, or one unit's (shared by every drafter at or below it). */
public enum QuotaScope {
    ACCOUNT,
    UNIT
}

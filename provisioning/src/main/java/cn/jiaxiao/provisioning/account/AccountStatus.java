package cn.jiaxiao.provisioning.account;

public enum AccountStatus {
    ACTIVE,
    /** 封号: suspended for misuse; refused from the next request on. */
    SUSPENDED
}

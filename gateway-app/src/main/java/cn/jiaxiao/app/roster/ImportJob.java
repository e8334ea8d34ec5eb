package cn.jiaxiao.app.roster;

import cn.jiaxiao.provisioning.roster.ImportPlan;

/** A roster import running in the background, as its progress endpoint shows it. */
public record ImportJob(String id, String state, String phase, int done, int total, ImportPlan plan, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED = "FAILED";
}

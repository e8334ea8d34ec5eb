package cn.jiaxiao.provisioning.roster;

/** An import refused because its file has errors; nothing was written. The plan says what to fix. */
public class RosterRejectedException extends RuntimeException {

    private final transient ImportPlan plan;

    public RosterRejectedException(ImportPlan plan) {
        super("Roster import refused: " + plan.errors().size() + " invalid line(s)");
        this.plan = plan;
    }

    public ImportPlan plan() {
        return plan;
    }
}

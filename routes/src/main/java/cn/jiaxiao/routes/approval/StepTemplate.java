package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import java.util.Locale;

/**
 * A step of a configured chain: an action by a role at a unit named relative to the notice — its
 * division, the school, or the drafter's department. Written {@code ACTION:ROLE@anchor}, e.g.
 * {@code REVIEW:STUDENT_AFFAIRS_HEAD@school}.
 */
public record StepTemplate(ApprovalAction action, Role role, Anchor anchor) {

    public enum Anchor {
        DIVISION("通知所属年级/学院"), SCHOOL("学校"), DEPARTMENT("发起人所在部门");

        private final String label;

        Anchor(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static StepTemplate parse(String text) {
        String[] actionRest = text.trim().split(":", 2);
        String[] roleAnchor = actionRest.length == 2 ? actionRest[1].split("@", 2) : new String[0];
        if (roleAnchor.length != 2) {
            throw new IllegalArgumentException("Approval step must read ACTION:ROLE@anchor, not '" + text + "'");
        }
        return new StepTemplate(ApprovalAction.valueOf(actionRest[0].trim().toUpperCase(Locale.ROOT)),
                Role.valueOf(roleAnchor[0].trim().toUpperCase(Locale.ROOT)),
                Anchor.valueOf(roleAnchor[1].trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return action + ":" + role + "@" + anchor.name().toLowerCase(Locale.ROOT);
    }
}

package cn.jiaxiao.routes.approval;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The chain per kind of notice, as the school configures it ({@code jiaxiao.approval.chains.*}). The chain
 * is configuration; the existence of an approval is not: every chain must hold an APPROVE step.
 */
public final class ApprovalChains {

    private static final Map<ChainKind, String> DEFAULTS = Map.of(
            ChainKind.CLASS, "APPROVE:GRADE_LEADER@division",
            ChainKind.DIVISION, "REVIEW:STUDENT_WORK_LEADER@division, APPROVE:GRADE_LEADER@division",
            ChainKind.SCHOOL, "REVIEW:STUDENT_AFFAIRS_HEAD@school, APPROVE:PRINCIPAL@school",
            ChainKind.DEPARTMENT, "REVIEW:DEPARTMENT_HEAD@department, APPROVE:PRINCIPAL@school,"
                    + " REGISTER:STUDENT_AFFAIRS_HEAD@school",
            ChainKind.EMERGENCY, "APPROVE:PRINCIPAL@school");

    private final Map<ChainKind, List<StepTemplate>> chains;

    private ApprovalChains(Map<ChainKind, List<StepTemplate>> chains) {
        this.chains = chains;
    }

    public static ApprovalChains defaults() {
        return configured(Map.of());
    }

    /** Overrides by kind name (class, division, school, department, emergency); the rest keep their defaults. */
    public static ApprovalChains configured(Map<String, String> overrides) {
        Map<ChainKind, List<StepTemplate>> chains = new EnumMap<>(ChainKind.class);
        for (ChainKind kind : ChainKind.values()) {
            String text = overrides.getOrDefault(kind.name().toLowerCase(Locale.ROOT), DEFAULTS.get(kind));
            List<StepTemplate> steps = Arrays.stream(text.split(",")).filter(s -> !s.isBlank())
                    .map(StepTemplate::parse).toList();
            if (steps.stream().noneMatch(s -> s.action() == ApprovalAction.APPROVE)) {
                throw new IllegalArgumentException("jiaxiao.approval.chains." + kind.name().toLowerCase(Locale.ROOT)
                        + " has no APPROVE step: no notice may be sent unapproved");
            }
            chains.put(kind, steps);
        }
        return new ApprovalChains(chains);
    }

    public List<StepTemplate> of(ChainKind kind) {
        return chains.get(kind);
    }
}

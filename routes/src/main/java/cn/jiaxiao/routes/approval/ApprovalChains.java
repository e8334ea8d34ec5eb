package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

    /** The roles a chain may name: those whose holders see the approval inbox (谁审批,谁负责). */
    public static final Set<Role> APPROVER_ROLES = Collections.unmodifiableSet(EnumSet.of(Role.PRINCIPAL,
            Role.STUDENT_AFFAIRS_HEAD, Role.GRADE_LEADER, Role.STUDENT_WORK_LEADER, Role.DEPARTMENT_HEAD));

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
            chains.put(kind, parse(kind, overrides.getOrDefault(kind.key(), DEFAULTS.get(kind))));
        }
        return new ApprovalChains(chains);
    }

    /**
     * A chain written as the property writes it: steps separated by commas.
     *
     * @throws IllegalArgumentException for a malformed step, or a chain without an APPROVE step
     */
    public static List<StepTemplate> parse(ChainKind kind, String text) {
        List<StepTemplate> steps = Arrays.stream(text.split(",")).filter(s -> !s.isBlank())
                .map(StepTemplate::parse).toList();
        if (steps.stream().noneMatch(s -> s.action() == ApprovalAction.APPROVE)) {
            throw new IllegalArgumentException("jiaxiao.approval.chains." + kind.key()
                    + " has no APPROVE step: no notice may be sent unapproved");
        }
        return steps;
    }

    /** The steps as {@link #parse} reads them. */
    public static String text(List<StepTemplate> steps) {
        return steps.stream().map(StepTemplate::toString).collect(Collectors.joining(", "));
    }

    /** These chains with some kinds' steps replaced (the school's stored overrides). */
    public ApprovalChains with(Map<ChainKind, List<StepTemplate>> replaced) {
        Map<ChainKind, List<StepTemplate>> merged = new EnumMap<>(chains);
        merged.putAll(replaced);
        return new ApprovalChains(merged);
    }

    public List<StepTemplate> of(ChainKind kind) {
        return chains.get(kind);
    }
}

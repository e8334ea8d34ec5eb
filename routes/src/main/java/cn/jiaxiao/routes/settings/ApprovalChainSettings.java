package cn.jiaxiao.routes.settings;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.approval.ApprovalAction;
import cn.jiaxiao.routes.approval.ApprovalChains;
import cn.jiaxiao.routes.approval.ChainKind;
import cn.jiaxiao.routes.approval.StepTemplate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The approval chain per kind of notice as a school setting: the school-level account manager changes the steps;
 * without a stored chain the configured one ({@code jiaxiao.approval.chains.*}) applies. A chain is the school's
 * to set, the existence of an approval is not (001 §5): a chain without an APPROVE step is refused. A notice
 * keeps the steps it was submitted with; the next submission follows the new chain.
 */
public class ApprovalChainSettings {

    public static final int MAX_STEPS = 6;

    /** One step as the API takes it: {@code {"action":"APPROVE","role":"GRADE_LEADER","anchor":"division"}}. */
    public record StepInput(String action, String role, String anchor) {
    }

    public record ChainRequest(List<StepInput> steps) {
    }

    public record StepView(String action, String actionName, String role, String roleName, String anchor,
            String anchorName) {

        static StepView of(StepTemplate step) {
            return new StepView(step.action().name(), step.action().label(), step.role().name(), step.role().label(),
                    step.anchor().name().toLowerCase(Locale.ROOT), step.anchor().label());
        }
    }

    /** The chain in use for a kind; {@code custom} when the school changed it, {@code defaults} the configured one. */
    public record ChainView(String kind, String kindName, List<StepView> steps, String text, boolean custom,
            List<StepView> defaults) {
    }

    private final SchoolSettings settings;
    private final SettingChanges changes;

    public ApprovalChainSettings(SchoolSettings settings, SettingChanges changes) {
        this.settings = settings;
        this.changes = changes;
    }

    public List<ChainView> chains(StaffAccount reader) {
        changes.requireSchoolManager(reader);
        return Arrays.stream(ChainKind.values()).map(this::view).toList();
    }

    public ChainView chain(StaffAccount reader, String kind) {
        changes.requireSchoolManager(reader);
        return view(kind(kind));
    }

    public ChainView update(StaffAccount manager, String kind, ChainRequest request) {
        changes.requireSchoolManager(manager);
        ChainKind chainKind = kind(kind);
        List<StepTemplate> steps = steps(request);
        changes.put(manager, SchoolSettings.chainName(chainKind), ApprovalChains.text(steps),
                "SETTING_APPROVAL_CHAIN_CHANGED");
        return view(chainKind);
    }

    public ChainView reset(StaffAccount manager, String kind) {
        changes.requireSchoolManager(manager);
        ChainKind chainKind = kind(kind);
        changes.remove(manager, SchoolSettings.chainName(chainKind), "SETTING_APPROVAL_CHAIN_RESET");
        return view(chainKind);
    }

    private ChainView view(ChainKind kind) {
        List<StepTemplate> steps = settings.approvalChains().of(kind);
        return new ChainView(kind.key(), kind.label(), steps.stream().map(StepView::of).toList(),
                ApprovalChains.text(steps), settings.chainStored(kind),
                settings.configuredChains().of(kind).stream().map(StepView::of).toList());
    }

    // --- validation ----------------------------------------------------------------------------------------

    private static ChainKind kind(String key) {
        return Arrays.stream(ChainKind.values()).filter(k -> k.key().equals(key)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("没有这种审批链：" + key + "（可选："
                        + Arrays.stream(ChainKind.values()).map(ChainKind::key).collect(Collectors.joining("、"))
                        + "）"));
    }

    static List<StepTemplate> steps(ChainRequest request) {
        List<StepInput> inputs = request == null || request.steps() == null ? List.of() : request.steps();
        if (inputs.isEmpty()) {
            throw ProblemException.unprocessable("steps", "审批链不能为空：每条通知都须经审批（谁审批，谁负责）");
        }
        if (inputs.size() > MAX_STEPS) {
            throw ProblemException.unprocessable("steps", "审批链最多 " + MAX_STEPS + " 步");
        }
        List<StepTemplate> steps = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            StepInput in = inputs.get(i) == null ? new StepInput(null, null, null) : inputs.get(i);
            String at = "steps[" + i + "].";
            String step = "第 " + (i + 1) + " 步：";
            ApprovalAction action = choice(at + "action", step + "动作", in.action(),
                    List.of(ApprovalAction.values()), ApprovalAction::name, ApprovalAction::label);
            Role role = choice(at + "role", step + "角色", in.role(),
                    List.copyOf(ApprovalChains.APPROVER_ROLES), Role::name, Role::label);
            StepTemplate.Anchor anchor = choice(at + "anchor", step + "单位", in.anchor(),
                    List.of(StepTemplate.Anchor.values()), StepTemplate.Anchor::name, StepTemplate.Anchor::label);
            steps.add(new StepTemplate(action, role, anchor));
        }
        if (steps.stream().noneMatch(s -> s.action() == ApprovalAction.APPROVE)) {
            throw ProblemException.unprocessable("steps", "审批链须至少有一步“审批”：每条通知都须经审批（谁审批，谁负责）");
        }
        return steps;
    }

    /** One of {@code allowed} by its code, case-insensitively; anything else is refused naming the field. */
    private static <T> T choice(String field, String label, String code, List<T> allowed, Function<T, String> name,
            Function<T, String> chinese) {
        String wanted = code == null ? "" : code.strip();
        return allowed.stream().filter(v -> name.apply(v).equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.unprocessable(field, label + (wanted.isEmpty() ? "未填写"
                        : "不可用：" + wanted) + "（可选：" + allowed.stream()
                        .map(v -> name.apply(v) + " " + chinese.apply(v)).collect(Collectors.joining("、")) + "）"));
    }
}

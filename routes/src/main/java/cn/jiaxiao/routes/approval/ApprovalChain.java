package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.AccountStatus;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The steps a notice needs, from the configured chain for its kind, bound to real units. No step may fall
 * to the drafter himself (谁审批,谁负责: nobody reviews or approves his own notice) nor to a role nobody holds:
 * such an approval goes up to the principal (unless he approves later in the chain anyway), and such a
 * review or registration is left out.
 */
public class ApprovalChain {

    private final UnitRepository units;
    private final StaffAccountRepository accounts;
    /** Read at each submission: the school may change its chains while the gateway runs. */
    private final Supplier<ApprovalChains> chains;

    public ApprovalChain(UnitRepository units, StaffAccountRepository accounts, Supplier<ApprovalChains> chains) {
        this.units = units;
        this.accounts = accounts;
        this.chains = chains;
    }

    public ChainKind kindOf(ResolvedAudience audience, boolean emergency, boolean filedRequest) {
        if (emergency) {
            return ChainKind.EMERGENCY;
        }
        if (filedRequest) {
            return ChainKind.DEPARTMENT;
        }
        return switch (audience.level().kind()) {
            case CLASS -> ChainKind.CLASS;
            case GRADE, COLLEGE -> ChainKind.DIVISION;
            default -> ChainKind.SCHOOL;
        };
    }

    public List<StepRequirement> stepsFor(ChainKind kind, ResolvedAudience audience, StaffAccount drafter) {
        List<Unit> lineage = units.lineage(audience.level());
        Unit school = lineage.get(0);
        Unit division = lineage.stream().filter(u -> u.kind().isDivision()).reduce((a, b) -> b).orElse(school);
        Unit department = units.findById(drafter.unitId()).filter(u -> u.kind() == UnitKind.DEPARTMENT).orElse(school);
        StepRequirement principal = new StepRequirement(ApprovalAction.APPROVE, Role.PRINCIPAL, school);

        List<StepTemplate> templates = chains.get().of(kind);
        List<StepRequirement> steps = new ArrayList<>();
        for (int i = 0; i < templates.size(); i++) {
            StepTemplate template = templates.get(i);
            Unit unit = switch (template.anchor()) {
                case DIVISION -> division;
                case SCHOOL -> school;
                case DEPARTMENT -> department;
            };
            StepRequirement step = new StepRequirement(template.action(), template.role(), unit);
            if (drafter.holds(step.role(), unit) || !anyoneElseHolds(step, drafter)) {
                // A review or registration nobody else can do is dropped; an approval goes up a level.
                boolean principalLater = templates.subList(i + 1, templates.size()).stream()
                        .anyMatch(t -> t.role() == Role.PRINCIPAL && t.action() == ApprovalAction.APPROVE);
                if (template.action() != ApprovalAction.APPROVE || principalLater || steps.contains(principal)) {
                    continue;
                }
                step = principal;
            }
            steps.add(step);
        }
        if (steps.stream().noneMatch(s -> s.action() == ApprovalAction.APPROVE)) {
            steps.add(principal);
        }
        return steps;
    }

    private boolean anyoneElseHolds(StepRequirement step, StaffAccount drafter) {
        return accounts.findHolders(step.role(), step.unit()).stream()
                .anyMatch(a -> a.id() != drafter.id() && a.status() == AccountStatus.ACTIVE);
    }
}

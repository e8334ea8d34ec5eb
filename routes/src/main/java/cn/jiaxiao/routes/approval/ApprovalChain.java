package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import java.util.List;

/**
 * The approvals a notice needs, by the level its audience speaks at (001 §5): a class or division notice,
 * the division head (grade leader); a school-wide notice, the principal. No notice has an empty chain, and
 * none is approved by its drafter: when he holds the approving role himself, approval goes one level up.
 */
public class ApprovalChain {

    private final UnitRepository units;

    public ApprovalChain(UnitRepository units) {
        this.units = units;
    }

    public List<StepRequirement> stepsFor(ResolvedAudience audience, StaffAccount drafter) {
        List<Unit> lineage = units.lineage(audience.level());
        Unit school = lineage.get(0);
        Unit division = lineage.stream().filter(u -> u.kind().isDivision()).reduce((a, b) -> b).orElse(null);
        if (division != null && !drafter.holds(Role.GRADE_LEADER, division)) {
            return List.of(new StepRequirement(ApprovalAction.APPROVE, Role.GRADE_LEADER, division));
        }
        return List.of(new StepRequirement(ApprovalAction.APPROVE, Role.PRINCIPAL, school));
    }
}

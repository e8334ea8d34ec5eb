package cn.jiaxiao.routes.approval;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import cn.jiaxiao.routes.scope.ResolvedAudience;
import java.util.List;

/**
 * The approvals a notice needs, by the level its audience speaks at (001 §5): a class notice, one
 * approval by the grade leader; a division notice, the division head; a school-wide notice, the
 * principal. No notice has an empty chain.
 */
public class ApprovalChain {

    private final UnitRepository units;

    public ApprovalChain(UnitRepository units) {
        this.units = units;
    }

    public List<StepRequirement> stepsFor(ResolvedAudience audience) {
        Unit level = audience.level();
        Unit division = divisionOf(level);
        if (division != null) {
            return List.of(new StepRequirement(ApprovalAction.APPROVE, Role.GRADE_LEADER, division));
        }
        Unit school = units.lineage(level).get(0);
        return List.of(new StepRequirement(ApprovalAction.APPROVE, Role.PRINCIPAL, school));
    }

    private Unit divisionOf(Unit unit) {
        return units.lineage(unit).stream().filter(u -> u.kind().isDivision()).reduce((a, b) -> b).orElse(null);
    }
}

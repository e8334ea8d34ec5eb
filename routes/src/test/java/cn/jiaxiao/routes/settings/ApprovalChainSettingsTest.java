package cn.jiaxiao.routes.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.approval.ApprovalAction;
import cn.jiaxiao.routes.approval.ApprovalChains;
import cn.jiaxiao.routes.approval.ChainKind;
import cn.jiaxiao.routes.approval.StepTemplate;
import cn.jiaxiao.routes.settings.ApprovalChainSettings.ChainRequest;
import cn.jiaxiao.routes.settings.ApprovalChainSettings.StepInput;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A chain the school edits: case-insensitive codes, an APPROVE step always, refusals naming the field. */
class ApprovalChainSettingsTest {

    @Test
    void stepsAreReadCaseInsensitivelyAndWrittenAsThePropertyWritesThem() {
        List<StepTemplate> steps = ApprovalChainSettings.steps(new ChainRequest(List.of(
                new StepInput("review", "student_work_leader", "Division"),
                new StepInput(" APPROVE ", "GRADE_LEADER", "division"))));
        assertThat(steps).containsExactly(
                new StepTemplate(ApprovalAction.REVIEW, Role.STUDENT_WORK_LEADER, StepTemplate.Anchor.DIVISION),
                new StepTemplate(ApprovalAction.APPROVE, Role.GRADE_LEADER, StepTemplate.Anchor.DIVISION));
        String text = ApprovalChains.text(steps);
        assertThat(text).isEqualTo("REVIEW:STUDENT_WORK_LEADER@division, APPROVE:GRADE_LEADER@division");
        assertThat(ApprovalChains.parse(ChainKind.DIVISION, text)).isEqualTo(steps);
    }

    @Test
    void everyChainNeedsAnApproval() {
        assertRefused(null, 422, "steps");
        assertRefused(new ChainRequest(null), 422, "steps");
        assertRefused(new ChainRequest(List.of()), 422, "steps");
        assertRefused(new ChainRequest(List.of(new StepInput("REVIEW", "PRINCIPAL", "school"))), 422, "steps");
        assertRefused(new ChainRequest(Collections.nCopies(ApprovalChainSettings.MAX_STEPS + 1,
                new StepInput("APPROVE", "PRINCIPAL", "school"))), 422, "steps");
    }

    @Test
    void anUnknownOrNonApproverRoleActionOrAnchorIsNamed() {
        StepInput ok = new StepInput("APPROVE", "GRADE_LEADER", "division");
        assertRefused(new ChainRequest(List.of(ok, new StepInput("APPROVE", "JANITOR", "school"))), 422,
                "steps[1].role");
        assertRefused(new ChainRequest(List.of(new StepInput("APPROVE", "HEAD_TEACHER", "division"))), 422,
                "steps[0].role");
        assertRefused(new ChainRequest(List.of(new StepInput("APPROVE", null, "division"))), 422, "steps[0].role");
        assertRefused(new ChainRequest(List.of(new StepInput("SIGN", "GRADE_LEADER", "division"))), 422,
                "steps[0].action");
        assertRefused(new ChainRequest(List.of(new StepInput("APPROVE", "GRADE_LEADER", "class"))), 422,
                "steps[0].anchor");
        assertRefused(new ChainRequest(Arrays.asList(ok, null)), 422, "steps[1].action");
    }

    @Test
    void storedChainsReplaceOnlyTheirKind() {
        ApprovalChains configured = ApprovalChains.configured(Map.of("school", "APPROVE:PRINCIPAL@school"));
        List<StepTemplate> classChain = ApprovalChains.parse(ChainKind.CLASS, "APPROVE:PRINCIPAL@school");
        ApprovalChains merged = configured.with(Map.of(ChainKind.CLASS, classChain));
        assertThat(merged.of(ChainKind.CLASS)).isEqualTo(classChain);
        assertThat(merged.of(ChainKind.SCHOOL)).isEqualTo(configured.of(ChainKind.SCHOOL));
        assertThat(configured.of(ChainKind.CLASS)).as("unchanged").isNotEqualTo(classChain);
    }

    private static void assertRefused(ChainRequest request, int status, String field) {
        assertThatThrownBy(() -> ApprovalChainSettings.steps(request)).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
                });
    }
}

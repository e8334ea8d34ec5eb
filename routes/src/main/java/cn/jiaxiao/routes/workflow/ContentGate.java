package cn.jiaxiao.routes.workflow;

import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.routes.content.ContentPolicy;
import cn.jiaxiao.routes.notice.NoticeDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * The content check on the way to the approvers (school-rules §3): a blocking finding refuses submission;
 * warnings must be acknowledged by the drafter. Drafts are checked too, but only advised.
 */
public class ContentGate implements NoticeWorkflow.SubmissionCheck {

    private final ContentPolicy policy;

    public ContentGate(ContentPolicy policy) {
        this.policy = policy;
    }

    /** Findings in title and body, as reviewers and approvers see them. */
    public List<FieldFinding> findings(String title, String body) {
        List<FieldFinding> findings = new ArrayList<>();
        add(findings, "title", policy.check(title == null ? "" : title));
        add(findings, "body", policy.check(body == null ? "" : body));
        return findings;
    }

    @Override
    public void check(NoticeDraft draft, boolean submitting, boolean warningsAcknowledged) {
        if (!submitting) {
            return;
        }
        List<FieldFinding> findings = findings(draft.title(), draft.body());
        List<FieldFinding> blocking = findings.stream().filter(FieldFinding::blocks).toList();
        if (!blocking.isEmpty()) {
            FieldFinding first = blocking.get(0);
            throw new ContentRejectedException(first.field(), "通知内容未通过审查（" + blocking.size()
                    + " 处须修改），例如“" + first.match() + "”：" + first.category(), findings);
        }
        if (!findings.isEmpty() && !warningsAcknowledged) {
            throw new ContentRejectedException("acknowledgeWarnings", "通知内容有 " + findings.size()
                    + " 处提醒，请确认后再提交（acknowledgeWarnings: true）", findings);
        }
    }

    private static void add(List<FieldFinding> into, String field, CheckResult result) {
        result.findings().forEach(f -> into.add(FieldFinding.of(field, f)));
    }
}

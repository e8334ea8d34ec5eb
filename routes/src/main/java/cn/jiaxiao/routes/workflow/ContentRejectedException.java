package cn.jiaxiao.routes.workflow;

import cn.jiaxiao.provisioning.problem.ProblemException;
import java.util.List;

/** A notice its content check refuses (422), with the findings the drafter must fix or acknowledge. */
public class ContentRejectedException extends ProblemException {

    private final List<FieldFinding> findings;

    public ContentRejectedException(String field, String message, List<FieldFinding> findings) {
        super(Kind.UNPROCESSABLE, field, message);
        this.findings = List.copyOf(findings);
    }

    public List<FieldFinding> findings() {
        return findings;
    }
}

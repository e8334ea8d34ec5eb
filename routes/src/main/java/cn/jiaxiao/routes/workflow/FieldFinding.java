package cn.jiaxiao.routes.workflow;

import cn.jiaxiao.filter.Finding;

/** A content-check finding in a notice: which field it is in, and where, so that the text can be highlighted. */
public record FieldFinding(String field, String category, String severity, int start, int end, String match,
        String rule, String suggestion) {

    static FieldFinding of(String field, Finding finding) {
        return new FieldFinding(field, finding.category().name(), finding.severity().name(), finding.start(),
                finding.end(), finding.match(), finding.rule(), finding.suggestion());
    }

    public boolean blocks() {
        return "BLOCK".equals(severity);
    }
}

package cn.jiaxiao.templates.validate;

/** Why an override was refused, and where: lines and columns count from 1. */
public record TemplateProblem(int line, int column, String reason) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + reason;
    }
}

package cn.jiaxiao.templates.validate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Template source with its comments blanked out, and offsets turned into lines and columns. */
final class SourceText {

    // Blanked, not removed, so every offset still points at the same line and column as in the original.
    private static final Pattern COMMENT = Pattern.compile("<#--.*?-->|\\[#--.*?--]", Pattern.DOTALL);

    private final String original;
    private final String code;

    SourceText(String original) {
        this.original = original;
        StringBuilder blanked = new StringBuilder(original);
        Matcher comment = COMMENT.matcher(original);
        while (comment.find()) {
            for (int i = comment.start(); i < comment.end(); i++) {
                if (blanked.charAt(i) != '\n') {
                    blanked.setCharAt(i, ' ');
                }
            }
        }
        this.code = blanked.toString();
    }

    /** The source without comments: what Freemarker would run. */
    String code() {
        return code;
    }

    TemplateProblem problemAt(int offset, String reason) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TemplateProblem(line, offset - lineStart + 1, reason);
    }
}

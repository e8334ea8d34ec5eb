package cn.jiaxiao.templates.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constructs a school's template may not contain, found before the template ever runs. The sandbox in
 * {@link cn.jiaxiao.templates.render.TemplateCompiler} would stop most of them at run time; refusing them
 * up front tells the admin why, and keeps an override from hiding them in a branch the samples don't reach.
 */
final class ForbiddenConstructs {

    // ?new and ?api reach Java; ?interpret and ?eval build template code from strings, which would slip
    // past every check here.
    private static final Pattern BUILT_IN = Pattern.compile("\\?\\s*(new|api|has_api|hasApi|interpret|eval)\\b");
    // No other file may be pulled in: overrides are self-contained text.
    private static final Pattern DIRECTIVE = Pattern.compile("[<\\[]#\\s*(include|import|visit|recurse)\\b");

    private ForbiddenConstructs() {
    }

    static List<TemplateProblem> find(SourceText source) {
        List<TemplateProblem> problems = new ArrayList<>();
        Matcher builtIn = BUILT_IN.matcher(source.code());
        while (builtIn.find()) {
            problems.add(source.problemAt(builtIn.start(), "built-in ?" + builtIn.group(1) + " is not allowed"));
        }
        Matcher directive = DIRECTIVE.matcher(source.code());
        while (directive.find()) {
            problems.add(source.problemAt(directive.start(), "directive #" + directive.group(1) + " is not allowed"));
        }
        return problems;
    }
}

package cn.jiaxiao.templates.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables a template names that the model doesn't have, found in the text: covers branches that no
 * sample render takes. It reads the head of each {@code ${...}} and of {@code #if}/{@code #list}/
 * {@code #switch}; names the template declares itself (loop variables, {@code #assign}, macro
 * parameters) count as known. The sample render in {@link TemplateValidator} catches the rest.
 */
final class UnknownVariables {

    private static final Pattern USE = Pattern.compile(
            "\\$\\{\\s*!?\\(?\\s*([A-Za-z_]\\w*)|[<\\[]#(?:if|elseif|list|switch|case)\\s+!?\\(?\\s*([A-Za-z_]\\w*)");
    private static final Pattern LOOP = Pattern.compile("[<\\[]#(?:list|items)\\b[^>\\]]*?\\bas\\s+(\\w+)(?:\\s*,\\s*(\\w+))?");
    private static final Pattern ASSIGN = Pattern.compile("[<\\[]#(?:assign|local|global)\\s+(\\w+)");
    private static final Pattern CALLABLE = Pattern.compile("[<\\[]#(?:macro|function)\\s+(\\w+)([^>\\]]*)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");
    private static final Set<String> LITERALS = Set.of("true", "false");

    private UnknownVariables() {
    }

    static List<TemplateProblem> find(SourceText source, Set<String> allowed) {
        Set<String> declared = declaredNames(source.code());
        List<TemplateProblem> problems = new ArrayList<>();
        Matcher use = USE.matcher(source.code());
        while (use.find()) {
            int group = use.group(1) != null ? 1 : 2;
            String name = use.group(group);
            if (!allowed.contains(name) && !declared.contains(name) && !LITERALS.contains(name)) {
                problems.add(source.problemAt(use.start(group), unknown(name)));
            }
        }
        return problems;
    }

    static String unknown(String name) {
        return "unknown variable '" + name + "'";
    }

    private static Set<String> declaredNames(String code) {
        Set<String> names = new HashSet<>();
        Matcher loop = LOOP.matcher(code);
        while (loop.find()) {
            names.add(loop.group(1));
            if (loop.group(2) != null) {
                names.add(loop.group(2));
            }
        }
        Matcher assign = ASSIGN.matcher(code);
        while (assign.find()) {
            names.add(assign.group(1));
        }
        Matcher callable = CALLABLE.matcher(code);
        while (callable.find()) {
            names.add(callable.group(1));
            Matcher parameter = NAME.matcher(callable.group(2));
            while (parameter.find()) {
                names.add(parameter.group());
            }
        }
        return names;
    }
}

package cn.jiaxiao.templates.validate;

import cn.jiaxiao.templates.model.SampleModels;
import cn.jiaxiao.templates.model.TemplateVariables;
import cn.jiaxiao.templates.render.TemplateChannel;
import cn.jiaxiao.templates.render.TemplateCompiler;
import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.render.TemplatePart;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a school's override before the gateway stores it. Refused: a template that doesn't compile, one
 * that names a variable the kind's model doesn't have ({@link TemplateVariables}), one that uses a
 * construct able to run code or load files, and one that fails on the sample data of its kind. A template
 * is only ever run here once the text checks found nothing.
 */
public final class TemplateValidator {

    /** Far above any real message: a longer text is a paste accident, not a template. */
    public static final int MAX_LENGTH = 20_000;
    // Each round of the sample render finds one unknown variable; a template with more is hopeless anyway.
    private static final int MAX_UNKNOWN_PER_SAMPLE = 20;

    private final TemplateCompiler compiler;

    public TemplateValidator() {
        this(new TemplateCompiler());
    }

    TemplateValidator(TemplateCompiler compiler) {
        this.compiler = compiler;
    }

    /** For a one-part channel (SMS); e-mail and push name the part: {@link #validate(TemplateKind, TemplatePart, String)}. */
    public List<TemplateProblem> validate(TemplateKind kind, TemplateChannel channel, String source) {
        return validate(kind, TemplatePart.onlyPartOf(channel), source);
    }

    /** The problems found, in order of line; empty when the override may be stored. */
    public List<TemplateProblem> validate(TemplateKind kind, TemplatePart part, String source) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            return List.of(new TemplateProblem(1, 1, "template is empty"));
        }
        if (source.length() > MAX_LENGTH) {
            return List.of(new TemplateProblem(1, 1, "template is longer than " + MAX_LENGTH + " characters"));
        }
        Template template;
        try {
            template = compiler.compile("override/" + kind.folder() + "/" + part.fileName(), part, source);
        } catch (ParseException e) {
            return List.of(new TemplateProblem(e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage()));
        }
        SourceText text = new SourceText(source);
        List<TemplateProblem> problems = new ArrayList<>(ForbiddenConstructs.find(text));
        if (!problems.isEmpty()) {
            return sorted(problems);
        }
        Set<String> allowed = TemplateVariables.allowed(kind);
        problems.addAll(UnknownVariables.find(text, allowed));
        for (SampleModels.Sample sample : SampleModels.variants(kind)) {
            problems.addAll(runOnSample(template, TemplateVariables.of(sample.notice(), sample.recipient()), allowed));
        }
        return sorted(problems);
    }

    /**
     * Renders on one sample. An unknown top-level name is reported, then stood in for by an empty string so
     * the run goes on to report the next one.
     */
    private static List<TemplateProblem> runOnSample(Template template, Map<String, Object> sample, Set<String> allowed) {
        Map<String, Object> model = new LinkedHashMap<>(sample);
        List<TemplateProblem> problems = new ArrayList<>();
        for (int round = 0; round < MAX_UNKNOWN_PER_SAMPLE; round++) {
            try {
                TemplateCompiler.run(template, model);
                return problems;
            } catch (InvalidReferenceException e) {
                String blamed = e.getBlamedExpressionString();
                if (blamed != null && blamed.matches("[A-Za-z_]\\w*") && !allowed.contains(blamed)) {
                    problems.add(problemAt(e, UnknownVariables.unknown(blamed)));
                    model.put(blamed, "");
                    continue;
                }
                problems.add(problemAt(e, "undefined value '" + blamed + "'"));
                return problems;
            } catch (TemplateException e) {
                problems.add(problemAt(e, "fails on sample data: " + firstLine(e.getMessageWithoutStackTop())));
                return problems;
            }
        }
        return problems;
    }

    private static TemplateProblem problemAt(TemplateException e, String reason) {
        return new TemplateProblem(e.getLineNumber() == null ? 1 : e.getLineNumber(),
                e.getColumnNumber() == null ? 1 : e.getColumnNumber(), reason);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The same problem found by the text scan and by several samples is reported once. */
    private static List<TemplateProblem> sorted(List<TemplateProblem> problems) {
        Map<String, TemplateProblem> unique = new LinkedHashMap<>();
        problems.stream()
                .sorted((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                        : Integer.compare(a.column(), b.column()))
                .forEach(problem -> unique.putIfAbsent(problem.line() + ":" + problem.reason(), problem));
        return List.copyOf(unique.values());
    }
}

package cn.jiaxiao.templates.validate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.templates.render.BuiltInTemplates;
import cn.jiaxiao.templates.render.TemplateChannel;
import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.render.TemplatePart;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    private final TemplateValidator validator = new TemplateValidator();

    @Test
    void aValidOverrideIsAccepted() {
        String source = """
                【${signature}】${salutation}您好：${childrenWithClasses}${absenceDate}未到校。
                <#list children as child>${child.name}</#list>
                <#if replyRequired>请${replyInstruction}。</#if>""";

        assertThat(validator.validate(TemplateKind.ABSENCE, TemplateChannel.SMS, source)).isEmpty();
    }

    @Test
    void everyBuiltInTemplatePassesItsOwnValidation() {
        BuiltInTemplates builtIn = new BuiltInTemplates();
        for (TemplateKind kind : TemplateKind.values()) {
            for (TemplatePart part : TemplatePart.values()) {
                String source = builtIn.find(kind, part).orElseThrow();
                assertThat(validator.validate(kind, part, source)).as(kind + "/" + part).isEmpty();
            }
        }
    }

    @Test
    void aSyntaxErrorIsRefusedWithItsLine() {
        List<TemplateProblem> problems = validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS,
                "【${signature}】\n${salutation}您好：\n<#if replyRequired>请${replyInstruction}。\n");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).reason()).containsIgnoringCase("#if");
    }

    @Test
    void anUnclosedInterpolationIsRefusedWithItsLine() {
        List<TemplateProblem> problems = validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS,
                "【${signature}】\n${body");

        assertThat(problems).singleElement().extracting(TemplateProblem::line).isEqualTo(2);
    }

    @Test
    void anUnknownVariableIsRefusedWithItsLineAndName() {
        List<TemplateProblem> problems = validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS,
                "【${signature}】${salutation}您好：\n${body}\n联系电话：${teacherPhone}");

        assertThat(problems).containsExactly(new TemplateProblem(3, 8, "unknown variable 'teacherPhone'"));
    }

    @Test
    void unknownVariablesInBranchesNoSampleTakesAreFoundToo() {
        List<TemplateProblem> problems = validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS,
                "${body}\n<#if kind == \"NEVER\">${secret}</#if>\n${absenceDate}");

        assertThat(problems).extracting(TemplateProblem::line, TemplateProblem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "unknown variable 'secret'"),
                org.assertj.core.groups.Tuple.tuple(3, "unknown variable 'absenceDate'"));
    }

    @Test
    void aVariableOfAnotherKindIsUnknownHereButFineThere() {
        String source = "${salutation}：${examName}";

        assertThat(validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS, source))
                .extracting(TemplateProblem::reason).containsExactly("unknown variable 'examName'");
        assertThat(validator.validate(TemplateKind.EXAM_SCHEDULE, TemplateChannel.SMS, source)).isEmpty();
    }

    @Test
    void aTemplateThatCouldRunCodeIsRefused() {
        String newBuiltIn = "${body}\n<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}";
        assertThat(validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS, newBuiltIn))
                .containsExactly(new TemplateProblem(2, 52, "built-in ?new is not allowed"));

        String api = "${title?api.getClass()}";
        assertThat(validator.validate(TemplateKind.GENERAL, TemplatePart.EMAIL_SUBJECT, api))
                .extracting(TemplateProblem::reason).containsExactly("built-in ?api is not allowed");

        assertThat(validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS, "<#include \"/etc/passwd\">"))
                .extracting(TemplateProblem::reason).containsExactly("directive #include is not allowed");
        assertThat(validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS, "${\"$\"+\"{x?new()}\"?interpret}"))
                .extracting(TemplateProblem::reason).contains("built-in ?interpret is not allowed");
    }

    @Test
    void forbiddenWordsInsideACommentDoNotCount() {
        assertThat(validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS,
                "<#-- no ?new here, nor ${unknown} -->${body}")).isEmpty();
    }

    @Test
    void aTemplateThatFailsOnRealDataIsRefused() {
        List<TemplateProblem> problems = validator.validate(TemplateKind.GENERAL, TemplateChannel.SMS,
                "${body}${children}");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.reason()).startsWith("fails on sample data");
        });
    }

    @Test
    void emailAndPushNeedThePartNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> validator.validate(TemplateKind.GENERAL, TemplateChannel.EMAIL, "${title}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL_HTML");
    }
}

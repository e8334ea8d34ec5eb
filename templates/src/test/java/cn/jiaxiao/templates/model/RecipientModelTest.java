package cn.jiaxiao.templates.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.templates.render.TemplateKind;
import org.junit.jupiter.api.Test;

class RecipientModelTest {

    @Test
    void siblingsAreNamedOnceAndTheirSharedClassToo() {
        RecipientModel twins = RecipientModel.guardianOf(new Child("张三", "七年级1班"), new Child("张四", "七年级1班"),
                new Child("张三", "七年级1班"));

        assertThat(twins.salutation()).isEqualTo("张三、张四家长");
        assertThat(twins.classNames()).isEqualTo("七年级1班");
        assertThat(twins.childrenWithClasses()).isEqualTo("张三（七年级1班）、张四（七年级1班）");
    }

    @Test
    void staffAreGreetedByNameAndTitle() {
        assertThat(RecipientModel.staff("王芳", "校长").salutation()).isEqualTo("王芳校长");
        assertThat(RecipientModel.staff("王芳", "校长").childNames()).isEmpty();
    }

    @Test
    void replyInstructionLosesThePoliteWordAndFullStopTheTemplatesAdd() {
        NoticeModel notice = NoticeModel.builder(TemplateKind.GENERAL).title("t").signature("示范中学")
                .replyRequired("请回复2确认参加。").build();

        assertThat(notice.replyInstruction()).isEqualTo("回复2确认参加");
        assertThat(NoticeModel.builder(TemplateKind.GENERAL).title("t").signature("s").replyRequired(null).build()
                .replyInstruction()).isEqualTo(NoticeModel.DEFAULT_REPLY_INSTRUCTION);
    }

    @Test
    void detailsMustBelongToTheKind() {
        assertThatThrownBy(() -> NoticeModel.builder(TemplateKind.ABSENCE).title("t").signature("s").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ABSENCE");
    }

    @Test
    void everyVariableTheModelGivesIsDocumentedForItsKind() {
        for (TemplateKind kind : TemplateKind.values()) {
            for (SampleModels.Sample sample : SampleModels.variants(kind)) {
                assertThat(TemplateVariables.of(sample.notice(), sample.recipient()).keySet())
                        .containsExactlyInAnyOrderElementsOf(TemplateVariables.allowed(kind));
            }
        }
    }
}

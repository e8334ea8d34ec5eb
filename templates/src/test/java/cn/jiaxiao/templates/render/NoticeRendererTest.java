package cn.jiaxiao.templates.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.model.SampleModels;
import cn.jiaxiao.templates.model.TemplateVariables;
import cn.jiaxiao.templates.override.TemplateKey;
import cn.jiaxiao.templates.override.TemplateOverrides;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A notice rendered for many recipients says, for each, what rendering it for him alone says. */
class NoticeRendererTest {

    private static final List<RecipientModel> RECIPIENTS = List.of(SampleModels.guardianOfTwo(),
            SampleModels.guardianOfOne(), SampleModels.approver(), SampleModels.guardianOfTwo());

    @Test
    void everyKindAndChannelRendersAsTheOneOffRendering() {
        MessageRenderer renderer = new MessageRenderer();
        for (TemplateKind kind : TemplateKind.values()) {
            for (SampleModels.Sample sample : SampleModels.variants(kind)) {
                NoticeRenderer notice = renderer.forNotice(sample.notice());
                for (RecipientModel recipient : RECIPIENTS) {
                    for (TemplateChannel channel : TemplateChannel.values()) {
                        assertThat(notice.render(recipient, channel)).as("%s %s", kind, channel)
                                .isEqualTo(renderOnce(sample.notice(), recipient, channel));
                    }
                }
            }
        }
    }

    @Test
    void theVariablesComeInTheDocumentedOrderWithTheRecipientsFilledIn() {
        NoticeModel notice = SampleModels.notice(TemplateKind.LEAVE_CONFIRMATION);
        TemplateVariables.OfNotice variables = TemplateVariables.forNotice(notice);
        for (RecipientModel recipient : RECIPIENTS) {
            Map<String, Object> model = variables.with(recipient);
            List<String> names = List.copyOf(model.keySet());
            assertThat(names.subList(0, TemplateVariables.COMMON.size())).isEqualTo(TemplateVariables.COMMON);
            assertThat(names).containsExactlyInAnyOrderElementsOf(
                    TemplateVariables.allowed(TemplateKind.LEAVE_CONFIRMATION));
            assertThat(model).doesNotContainValue(null).containsEntry("salutation", recipient.salutation())
                    .containsEntry("childNames", recipient.childNames());
        }
    }

    @Test
    void aSchoolsOverrideAppliesAndABrokenPartNoMessageUsesIsNeverCompiled() {
        MessageRenderer renderer = new MessageRenderer(TemplateOverrides.of(Map.of(
                new TemplateKey(TemplateKind.GENERAL, TemplatePart.SMS_TEXT), "【${signature}】${salutation}：${body}",
                new TemplateKey(TemplateKind.GENERAL, TemplatePart.PUSH_BODY), "<#if")));
        NoticeRenderer notice = renderer.forNotice(SampleModels.notice(TemplateKind.GENERAL));

        assertThat(notice.renderSms(SampleModels.guardianOfOne()).text())
                .isEqualTo("【示范中学】王小明家长：本周五下午3点在各班教室召开家长会，请准时参加。");
        assertThatThrownBy(() -> notice.renderPush(SampleModels.guardianOfOne()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not compile");
    }

    /** The rendering of one message as it was before a notice's renderer existed: variables and templates anew. */
    private static RenderedMessage renderOnce(NoticeModel notice, RecipientModel recipient, TemplateChannel channel) {
        return new MessageRenderer().render(notice, recipient, channel);
    }
}

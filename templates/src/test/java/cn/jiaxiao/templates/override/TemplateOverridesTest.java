package cn.jiaxiao.templates.override;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.model.SampleModels;
import cn.jiaxiao.templates.render.MessageRenderer;
import cn.jiaxiao.templates.render.RenderedMessage;
import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.render.TemplatePart;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateOverridesTest {

    private final NoticeModel notice = SampleModels.notice(TemplateKind.GENERAL);
    private final RecipientModel recipient = SampleModels.guardianOfOne();

    @Test
    void aSchoolsOverrideWinsOverTheBuiltInTemplateForItsPartOnly() {
        MessageRenderer renderer = new MessageRenderer(TemplateOverrides.of(Map.of(
                new TemplateKey(TemplateKind.GENERAL, TemplatePart.SMS_TEXT), "【${signature}】${salutation}：${body}",
                new TemplateKey(TemplateKind.GENERAL, TemplatePart.EMAIL_SUBJECT), "${schoolName}通知：${title}")));

        assertThat(renderer.renderSms(notice, recipient).text())
                .isEqualTo("【示范中学】王小明家长：本周五下午3点在各班教室召开家长会，请准时参加。");
        RenderedMessage.Email email = renderer.renderEmail(notice, recipient);
        assertThat(email.subject()).isEqualTo("示范中学通知：家长会通知");
        assertThat(email.html()).contains("<p>王小明家长：</p>");
    }

    @Test
    void anOverrideOfOneKindLeavesTheOtherKindsAlone() {
        MessageRenderer renderer = new MessageRenderer(TemplateOverrides.of(Map.of(
                new TemplateKey(TemplateKind.EMERGENCY, TemplatePart.SMS_TEXT), "【${signature}】紧急：${body}")));

        assertThat(renderer.renderSms(notice, recipient).text()).startsWith("【示范中学】王小明家长您好：");
    }

    @Test
    void anEditedOverrideAppliesToTheNextMessage() {
        String[] stored = {"A${body}"};
        MessageRenderer renderer = new MessageRenderer((kind, part) -> part == TemplatePart.SMS_TEXT
                ? java.util.Optional.of(stored[0]) : java.util.Optional.empty());

        assertThat(renderer.renderSms(notice, recipient).text()).startsWith("A本周五");
        stored[0] = "B${body}";
        assertThat(renderer.renderSms(notice, recipient).text()).startsWith("B本周五");
    }

    @Test
    void keysReadBackFromTheirStoredNames() {
        assertThat(TemplateKey.parse("ABSENCE", "EMAIL_HTML"))
                .isEqualTo(new TemplateKey(TemplateKind.ABSENCE, TemplatePart.EMAIL_HTML));
    }
}

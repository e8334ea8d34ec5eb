package cn.jiaxiao.templates.preview;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.SampleModels;
import cn.jiaxiao.templates.override.TemplateKey;
import cn.jiaxiao.templates.override.TemplateOverrides;
import cn.jiaxiao.templates.render.MessageRenderer;
import cn.jiaxiao.templates.render.TemplateKind;
import cn.jiaxiao.templates.render.TemplatePart;
import cn.jiaxiao.templates.sms.SmsEncoding;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticePreviewerTest {

    @Test
    void aChineseSmsIsUcs2AndCountsItsParts() {
        NoticePreviewer previewer = new NoticePreviewer(new MessageRenderer());
        NoticePreview preview = previewer.preview(SampleModels.notice(TemplateKind.EXAM_SCHEDULE));

        assertThat(preview.sms().encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(preview.sms().length()).isEqualTo(preview.sms().text().length()).isGreaterThan(70);
        assertThat(preview.sms().segmentCount()).isEqualTo((preview.sms().length() + 66) / 67);
        assertThat(preview.email().subject()).isEqualTo("【示范中学】期中考试安排（11月12日至11月13日）");
        assertThat(preview.push().data()).containsEntry("kind", "EXAM_SCHEDULE");
    }

    @Test
    void anAsciiOnlySmsIsOneGsm7Part() {
        MessageRenderer renderer = new MessageRenderer(TemplateOverrides.of(Map.of(
                new TemplateKey(TemplateKind.GENERAL, TemplatePart.SMS_TEXT), "[${signature}] ${body}")));
        NoticeModel notice = NoticeModel.builder(TemplateKind.GENERAL).noticeId(3).title("Open day")
                .body("Open day on Friday at 3pm. Welcome!").signature("Demo School").build();

        SmsPreview sms = new NoticePreviewer(renderer).preview(notice).sms();

        assertThat(sms.text()).isEqualTo("[Demo School] Open day on Friday at 3pm. Welcome!");
        assertThat(sms.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(sms.segmentCount()).isOne();
    }

    @Test
    void theSampleRecipientOfAnApprovalRequestIsTheApprover() {
        NoticePreview preview = new NoticePreviewer(new MessageRenderer())
                .preview(SampleModels.notice(TemplateKind.APPROVAL_REQUEST));

        assertThat(preview.sms().text()).startsWith("【示范中学】王芳校长您好：七年级1班班主任李明提交的《家长会通知》");
    }
}

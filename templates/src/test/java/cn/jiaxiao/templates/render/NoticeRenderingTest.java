package cn.jiaxiao.templates.render;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.templates.model.Child;
import cn.jiaxiao.templates.model.LeaveStatus;
import cn.jiaxiao.templates.model.NoticeDetails;
import cn.jiaxiao.templates.model.NoticeModel;
import cn.jiaxiao.templates.model.RecipientModel;
import cn.jiaxiao.templates.model.SampleModels;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NoticeRenderingTest {

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^>]*>");

    private final MessageRenderer renderer = new MessageRenderer();

    @ParameterizedTest
    @EnumSource(TemplateKind.class)
    void everyKindRendersOnEveryChannelForItsRecipient(TemplateKind kind) {
        NoticeModel notice = SampleModels.notice(kind);
        RecipientModel recipient = SampleModels.recipientFor(kind);
        String greeting = recipient.salutation();

        String sms = renderer.renderSms(notice, recipient).text();
        assertThat(sms).startsWith("【示范中学】").contains(greeting + "您好：").doesNotContain("${");
        assertThat(occurrences(sms, greeting)).isOne();

        RenderedMessage.Email email = renderer.renderEmail(notice, recipient);
        assertThat(email.subject()).isNotBlank().doesNotContain("\n");
        assertThat(email.html()).startsWith("<!DOCTYPE html>").contains("<p>" + greeting + "：</p>");
        assertThat(email.text()).startsWith(greeting + "：").contains("示范中学");
        assertThat(TAG.matcher(email.text()).find()).as("plain text has no tags").isFalse();

        RenderedMessage.Push push = renderer.renderPush(notice, recipient);
        assertThat(push.title()).isNotBlank();
        assertThat(push.body()).isNotBlank();
        assertThat(push.data()).containsEntry("noticeId", "20240512").containsEntry("kind", kind.name());
    }

    @ParameterizedTest
    @EnumSource(TemplateKind.class)
    void replyInstructionOnlyWhenAReplyIsRequired(TemplateKind kind) {
        RecipientModel recipient = SampleModels.recipientFor(kind);
        NoticeModel asking = SampleModels.notice(kind, true, LeaveStatus.APPROVED);
        NoticeModel telling = SampleModels.notice(kind, false, LeaveStatus.APPROVED);

        for (TemplateChannel channel : TemplateChannel.values()) {
            assertThat(everything(renderer.render(asking, recipient, channel))).contains("请回复1确认收到。");
            assertThat(everything(renderer.render(telling, recipient, channel))).doesNotContain("回复1");
        }
        assertThat(renderer.renderPush(asking, recipient).data()).containsEntry("replyRequired", "true");
        assertThat(renderer.renderPush(telling, recipient).data()).containsEntry("replyRequired", "false");
    }

    @Test
    void aGuardianOfTwoIsGreetedOnceNamingBoth() {
        NoticeModel notice = SampleModels.notice(TemplateKind.GENERAL);
        String sms = renderer.renderSms(notice, SampleModels.guardianOfTwo()).text();

        assertThat(sms).isEqualTo("【示范中学】张三、李四家长您好：本周五下午3点在各班教室召开家长会，请准时参加。请回复1确认收到。");
        assertThat(occurrences(sms, "张三")).isOne();
        assertThat(occurrences(sms, "李四")).isOne();
    }

    @Test
    void anAbsenceAlertNamesTheChildAndTheirClass() {
        NoticeModel notice = NoticeModel.builder(TemplateKind.ABSENCE).noticeId(7).title("缺勤提醒")
                .signature("示范中学").details(new NoticeDetails.Absence("今天", "上午第一节课")).build();
        String sms = renderer.renderSms(notice, RecipientModel.guardianOf(new Child("张三", "七年级1班"))).text();

        assertThat(sms).isEqualTo("【示范中学】张三家长您好：张三（七年级1班）今天上午第一节课未到校，也未请假。"
                + "请您尽快与班主任联系，确认孩子的去向与安全。");
    }

    @Test
    void aLeaveConfirmationSaysTheDecisionAndItsReason() {
        NoticeModel notice = SampleModels.notice(TemplateKind.LEAVE_CONFIRMATION, false, LeaveStatus.NOT_APPROVED);
        RecipientModel recipient = SampleModels.guardianOfOne();

        assertThat(renderer.renderSms(notice, recipient).text()).contains("未获批准，原因：当天有期中考试。");
        assertThat(renderer.renderEmail(notice, recipient).subject()).isEqualTo("【示范中学】王小明请假申请未获批准");
    }

    @Test
    void htmlEscapesTheDraftersTextButSmsAndPlainTextKeepItAsWritten() {
        String body = "请查看<script>alert('x')</script>附件 & 回执";
        NoticeModel notice = NoticeModel.builder(TemplateKind.GENERAL).noticeId(1).title("<b>标题</b>").body(body)
                .signature("示范中学").build();
        RecipientModel recipient = SampleModels.guardianOfOne();

        RenderedMessage.Email email = renderer.renderEmail(notice, recipient);
        assertThat(email.html()).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("&amp; 回执")
                .contains("&lt;b&gt;标题&lt;/b&gt;");
        assertThat(email.text()).contains(body);
        assertThat(email.subject()).isEqualTo("【示范中学】<b>标题</b>");
        assertThat(renderer.renderSms(notice, recipient).text()).contains(body);
    }

    @Test
    void eachParagraphOfTheBodyBecomesAnHtmlParagraph() {
        NoticeModel notice = NoticeModel.builder(TemplateKind.GENERAL).title("通知").body("第一段。\r\n\r\n第二段。")
                .signature("示范中学").build();

        assertThat(renderer.renderEmail(notice, SampleModels.guardianOfOne()).html())
                .contains("<p>第一段。</p>\n<p>第二段。</p>");
    }

    private static String everything(RenderedMessage message) {
        if (message instanceof RenderedMessage.Sms sms) {
            return sms.text();
        }
        if (message instanceof RenderedMessage.Email email) {
            return email.subject() + email.html() + email.text();
        }
        RenderedMessage.Push push = (RenderedMessage.Push) message;
        return push.title() + push.body();
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

package cn.jiaxiao.templates.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageRendererTest {

    private final MessageRenderer renderer = new MessageRenderer();

    @Test
    void smsCarriesTheSchoolSignatureBeforeTheBody() {
        String sms = renderer.render(TemplateKind.GENERAL, TemplateChannel.SMS,
                Map.of("signature", "示范中学", "body", "明天下午三点召开家长会。<请准时>"));
        assertThat(sms).isEqualTo("【示范中学】明天下午三点召开家长会。<请准时>");
    }

    @Test
    void emergencyIsMarkedAsSuch() {
        String sms = renderer.render(TemplateKind.EMERGENCY, TemplateChannel.SMS,
                Map.of("signature", "示范中学", "body", "今日暴雨停课。"));
        assertThat(sms).isEqualTo("【示范中学】【紧急通知】今日暴雨停课。");
    }

    @Test
    void everyKindHasAOneTextForAllSms() {
        for (TemplateKind kind : TemplateKind.values()) {
            assertThat(renderer.render(kind, TemplateChannel.SMS, Map.of("signature", "示范中学", "body", "内容")))
                    .startsWith("【示范中学】").endsWith("内容");
        }
    }

    @Test
    void aMissingVariableFailsInsteadOfSendingAHalfMessage() {
        assertThatThrownBy(() -> renderer.render(TemplateKind.GENERAL, TemplateChannel.SMS, Map.of("body", "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void kindParsesCaseInsensitivelyAndDefaultsToGeneral() {
        assertThat(TemplateKind.parse(null)).isEqualTo(TemplateKind.GENERAL);
        assertThat(TemplateKind.parse("emergency")).isEqualTo(TemplateKind.EMERGENCY);
    }
}

package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyDetectorTest {

    private static final String OUR_NOTICE = "【示范中学】各位家长：本周五下午3点召开家长会，请准时参加。请回复1确认。";
    private final AutoReplyDetector detector = new AutoReplyDetector("【示范中学】");

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "【中国移动】您好，您拨打的用户暂时无法接通。",
            "您好，我正在开会，稍后联系您。【自动回复】",
            "【某某银行】尊敬的客户，您的账户于11月24日支出100元。退订回T",
            "此号码不接收回复，如有疑问请致电12345。",
            "本短信由系统发送，请勿回复。",
            "温馨提示：回复TD退订",
            "〖通知〗明日停水",
            "[某物业] 明天停电",
            "Auto-Reply: I am out of office",
            "示范中学：各位家长，明天放假。"})
    void recognisesAutomaticMessages(String text) {
        assertThat(detector.isAutomatic(text)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"收到", "1", "请假 张三 明天 发烧", "老师，孩子这几天咳嗽", "TD", "退订", "?",
            "张三明天请假，谢谢老师【】", "明天【张】请假"})
    void parentsRepliesAreNotAutomatic(String text) {
        assertThat(detector.isAutomatic(text, List.of(OUR_NOTICE))).isFalse();
    }

    @Test
    void ourOwnNoticeComingBackIsAutomaticEvenWithoutItsSignatureOrInFullWidth() {
        String unsigned = "各位家长：本周五下午3点召开家长会，请准时参加。请回复1确认。";
        AutoReplyDetector unsignedGateway = new AutoReplyDetector(null);
        assertThat(unsignedGateway.isAutomatic(unsigned, List.of(unsigned))).isTrue();
        assertThat(unsignedGateway.isAutomatic(" " + unsigned.replace("3", "３") + " ", List.of(unsigned))).isTrue();
        assertThat(unsignedGateway.isAutomatic("转发：" + unsigned, List.of(unsigned))).isTrue();
        assertThat(unsignedGateway.isAutomatic("收到", List.of(unsigned))).isFalse();
        assertThat(detector.isAutomatic(OUR_NOTICE)).isTrue();
    }

    @Test
    void neverFails() {
        assertThat(detector.isAutomatic(null, null)).isFalse();
        assertThat(detector.isAutomatic("", List.of())).isFalse();
        assertThat(detector.isAutomatic("\uD800\uDC00\uDFFF".repeat(5_000), java.util.Arrays.asList(null, ""))).isFalse();
    }
}

package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.templates.sms.SmsSegments;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcatenatedPayloadsTest {

    @Test
    void aShortChineseTextIsOneUcs2PartWithoutHeader() {
        List<SmsPayload> parts = ConcatenatedPayloads.encode(SmsSegments.of("【示范中学】明天放假。"), 7);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).dataCoding()).isEqualTo(8);
        assertThat(parts.get(0).udhi()).isFalse();
        assertThat(new String(parts.get(0).shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("【示范中学】明天放假。");
    }

    @Test
    void aLongTextCarriesTheConcatenationHeaderOnEveryPart() {
        String text = "通".repeat(150);
        List<SmsPayload> parts = ConcatenatedPayloads.encode(SmsSegments.of(text), 0xAB);
        assertThat(parts).hasSize(3);
        for (int i = 0; i < 3; i++) {
            byte[] sm = parts.get(i).shortMessage();
            assertThat(parts.get(i).udhi()).isTrue();
            assertThat(Arrays.copyOf(sm, 6)).containsExactly(0x05, 0x00, 0x03, 0xAB, 3, i + 1);
            assertThat(sm.length).isLessThanOrEqualTo(140);
        }
        StringBuilder joined = new StringBuilder();
        parts.forEach(p -> joined.append(new String(p.shortMessage(), 6, p.shortMessage().length - 6,
                StandardCharsets.UTF_16BE)));
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Test
    void gsmTextGoesAsDataCodingZero() {
        List<SmsPayload> parts = ConcatenatedPayloads.encode(SmsSegments.of("Hello @ school"), 1);
        assertThat(parts.get(0).dataCoding()).isZero();
        assertThat(parts.get(0).shortMessage()[6]).isZero(); // '@' is septet 0
    }
}

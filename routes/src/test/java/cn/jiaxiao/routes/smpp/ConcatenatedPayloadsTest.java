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

    @Test
    void aSixteenBitReferenceTakesSevenHeaderBytesAndOneCharacterLessPerPart() {
        String text = "长".repeat(140);
        List<SmsPayload> parts = ConcatenatedPayloads.encode(text, cn.jiaxiao.templates.sms.SmsEncoding.UCS2, 0x1234,
                Concatenation.UDH16);
        assertThat(parts).hasSize(3);
        assertThat(Arrays.copyOf(parts.get(0).shortMessage(), 7)).containsExactly(0x06, 0x08, 0x04, 0x12, 0x34, 3, 1);
        assertThat(parts.get(0).shortMessage().length).isEqualTo(7 + 66 * 2);
    }

    @Test
    void sarCarriesTheReferenceInTlvsAndNoHeader() {
        List<SmsPayload> parts = ConcatenatedPayloads.encode("长".repeat(100), cn.jiaxiao.templates.sms.SmsEncoding.UCS2,
                9, Concatenation.SAR);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(1).udhi()).isFalse();
        assertThat(parts.get(1).tlvs()).extracting(t -> (int) t.tag)
                .containsExactly(0x020C, 0x020E, 0x020F);
        assertThat(new String(parts.get(1).shortMessage(), StandardCharsets.UTF_16BE)).isEqualTo("长".repeat(33));
    }

    @Test
    void messagePayloadSendsTheWholeTextInOneSubmit() {
        String text = "长".repeat(100);
        List<SmsPayload> parts = ConcatenatedPayloads.encode(text, cn.jiaxiao.templates.sms.SmsEncoding.UCS2, 9,
                Concatenation.PAYLOAD);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).shortMessage()).isEmpty();
        assertThat(new String(parts.get(0).tlvs()[0].serialize(), 4, 200, StandardCharsets.UTF_16BE)).isEqualTo(text);
    }
}

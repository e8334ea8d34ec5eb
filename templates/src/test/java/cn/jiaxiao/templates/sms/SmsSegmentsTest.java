package cn.jiaxiao.templates.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void chineseUpTo70CharactersIsOneUcs2Part() {
        SmsSegments segments = SmsSegments.of("家".repeat(70));
        assertThat(segments.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(segments.count()).isOne();
    }

    @Test
    void chineseOver70CharactersSplitsIn67CharacterParts() {
        String text = "校".repeat(67) + "园".repeat(67) + "通";
        SmsSegments segments = SmsSegments.of(text);
        assertThat(segments.parts()).containsExactly("校".repeat(67), "园".repeat(67), "通");
        assertThat(String.join("", segments.parts())).isEqualTo(text);
    }

    @Test
    void surrogatePairIsNeverSplitAcrossParts() {
        String emoji = "\uD83D\uDE00";
        String text = "好".repeat(66) + emoji + "好".repeat(10);
        SmsSegments segments = SmsSegments.of(text);
        assertThat(segments.parts().get(0)).isEqualTo("好".repeat(66));
        assertThat(segments.parts().get(1)).startsWith(emoji);
    }

    @Test
    void asciiUpTo160IsOneGsmPartAndLongerSplitsAt153() {
        assertThat(SmsSegments.of("a".repeat(160)).count()).isOne();
        SmsSegments two = SmsSegments.of("a".repeat(161));
        assertThat(two.encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(two.parts()).extracting(String::length).containsExactly(153, 8);
    }

    @Test
    void extensionCharactersCountTwice() {
        assertThat(SmsSegments.units("{}€", SmsEncoding.GSM7)).isEqualTo(6);
        assertThat(SmsSegments.of("€".repeat(80)).count()).isOne();
        assertThat(SmsSegments.of("€".repeat(81)).count()).isEqualTo(2);
    }

    @Test
    void anyNonGsmCharacterMakesTheWholeTextUcs2() {
        assertThat(SmsEncoding.of("Hello 你好")).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsEncoding.of("Hello, world! @ 5€")).isEqualTo(SmsEncoding.GSM7);
    }

    @Test
    void gsmUnpackedEncodingRoundTrips() {
        String text = "Hi {all} ~ 100€ @home";
        assertThat(Gsm7Alphabet.decodeUnpacked(Gsm7Alphabet.encodeUnpacked(text))).isEqualTo(text);
        assertThat(Gsm7Alphabet.encodeUnpacked("@")).containsExactly(0);
    }
}

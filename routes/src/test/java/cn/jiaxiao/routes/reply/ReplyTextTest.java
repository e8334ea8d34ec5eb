package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void foldsFullWidthFormsAndLatinCase() {
        assertThat(ReplyText.normalize("１１月２５日")).isEqualTo("11月25日");
        assertThat(ReplyText.normalize("ＯＫ！")).isEqualTo("ok!");
        assertThat(ReplyText.normalize("ＱＪ：张三")).isEqualTo("qj:张三");
    }

    @Test
    void dropsInvisibleCharactersAndTurnsEmojiAndRunsOfSpaceIntoOneSpace() {
        assertThat(ReplyText.normalize("\u200b\ufeff收\u200d到\u0007")).isEqualTo("收到");
        assertThat(ReplyText.normalize(" 张三\u3000\t 明天😷发烧\n")).isEqualTo("张三 明天 发烧");
        assertThat(ReplyText.normalize("好👍🏻")).isEqualTo("好");
        assertThat(ReplyText.normalize("收到\uFE0F")).isEqualTo("收到");
    }

    @Test
    void dropsUnpairedSurrogatesAndKeepsPairedOnes() {
        assertThat(ReplyText.normalize("收\uD800到\uDC00")).isEqualTo("收到");
        assertThat(ReplyText.normalize("𠀀字")).isEqualTo("𠀀字");
    }

    @Test
    void keepsPunctuationInsideButTrimmedAndCompactDropIt() {
        assertThat(ReplyText.normalize(" 收到！")).isEqualTo("收到!");
        assertThat(ReplyText.trimmed(" 「收到」！ ")).isEqualTo("收到");
        assertThat(ReplyText.compact(ReplyText.normalize("收 到，谢谢！"))).isEqualTo("收到谢谢");
        assertThat(ReplyText.normalize("25-26日")).isEqualTo("25-26日");
    }

    @Test
    void readsOnlyTheFirstFiveHundredCharactersAndNeverFailsOnNull() {
        assertThat(ReplyText.normalize(null)).isEmpty();
        assertThat(ReplyText.normalize("好".repeat(2_000))).hasSize(ReplyText.MAX_CHARS);
        // A cut through a surrogate pair leaves no half of it behind.
        assertThat(ReplyText.normalize("好".repeat(499) + "𠀀")).isEqualTo("好".repeat(499));
    }
}

package cn.jiaxiao.filter.normalize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer n = TextNormalizer.instance();

    private String view(String s) {
        return n.normalize(s).toString();
    }

    @Test
    void foldsWidthCaseAndTraditional() {
        assertThat(view("ＳＢ")).isEqualTo("sb");
        assertThat(view("Tmd")).isEqualTo("tmd");
        assertThat(view("賭博")).isEqualTo("赌博");
        assertThat(view("發紅包")).isEqualTo("发红包");
    }

    @Test
    void dropsSeparatorsAndInvisibles() {
        assertThat(view("赌 博")).isEqualTo("赌博");
        assertThat(view("赌*博")).isEqualTo("赌博");
        assertThat(view("傻.逼")).isEqualTo("傻逼");
        assertThat(view("赌\u200b博")).isEqualTo("赌博");
        assertThat(view("赌\ufeff\u2060\u200d博")).isEqualTo("赌博");
        assertThat(view("赌\u3000博")).isEqualTo("赌博");
        assertThat(view("赌\u0336博")).isEqualTo("赌博");
        assertThat(view("赌😀博")).isEqualTo("赌博");
    }

    @Test
    void collapsesRepeats() {
        assertThat(view("赌赌博")).isEqualTo("赌博");
        assertThat(view("赌 赌 博博")).isEqualTo("赌博");
    }

    @Test
    void foldsDigitStylesOnlyInTheView() {
        assertThat(view("①")).isEqualTo("1");
        assertThat(view("９")).isEqualTo("9");
        assertThat(view("三")).isEqualTo("3");
        assertThat(view("叁")).isEqualTo("3");
        assertThat(view("𝟑")).isEqualTo("3");
        assertThat(view("⑩")).isEqualTo("10");
    }

    @Test
    void keepsSentenceBoundaries() {
        assertThat(view("赌。博")).isEqualTo("赌\n博");
        assertThat(view("赌\n博")).isEqualTo("赌\n博");
    }

    @Test
    void mapsEveryViewCharBackToTheOriginal() {
        String original = "a赌 赌*博😀c";
        NormalizedText t = n.normalize(original);
        assertThat(t.toString()).isEqualTo("a赌博c");
        assertThat(t.originalStart(1)).isEqualTo(1);
        assertThat(t.originalEnd(1)).isEqualTo(4);
        assertThat(original.substring(t.originalStart(1), t.originalEnd(2))).isEqualTo("赌 赌*博");
        assertThat(original.substring(t.originalStart(3), t.originalEnd(3))).isEqualTo("c");
    }

    @Test
    void expansionsShareTheirSourceSpan() {
        NormalizedText t = n.normalize("x⑩y");
        assertThat(t.toString()).isEqualTo("x10y");
        assertThat(t.originalStart(1)).isEqualTo(1);
        assertThat(t.originalEnd(2)).isEqualTo(2);
    }

    @Test
    void manyExpansionsGrowTheView() {
        String original = "⑩".repeat(50) + "㎏".repeat(50) + "赌博".repeat(50);
        NormalizedText t = n.normalize(original);
        assertThat(t.length()).isGreaterThan(original.length());
        assertThat(t.originalEnd(t.length() - 1)).isEqualTo(original.length());
    }

    @Test
    void supplementaryCharactersKeepBothSurrogates() {
        String original = "𝐒𝐁";
        NormalizedText t = n.normalize(original);
        assertThat(t.toString()).isEqualTo("sb");
        assertThat(t.originalEnd(1)).isEqualTo(4);
    }

    @Test
    void loneSurrogatesAreSkipped() {
        assertThat(view("a\ud800b\udc00c")).isEqualTo("abc");
    }

    @Test
    void termsNormaliseLikeText() {
        assertThat(n.normalizeTerm("賭 博")).isEqualTo("赌博");
        assertThat(n.normalizeTerm("。")).isEmpty();
    }
}

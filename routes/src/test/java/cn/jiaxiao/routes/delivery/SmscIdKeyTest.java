package cn.jiaxiao.routes.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmscIdKeyTest {

    @Test
    void foldsCaseAndLeadingZeros() {
        assertThat(SmscIdKey.canonical("00000A00FE140")).isEqualTo("a00fe140");
        assertThat(SmscIdKey.canonical("0000")).isEqualTo("0");
    }

    @Test
    void aDecimalReceiptIdAlsoTriesItsHexForm() {
        assertThat(SmscIdKey.candidates(Long.toString(0xa00fe140L))).startsWith("2685395264", "a00fe140");
    }

    @Test
    void aHexReceiptIdAlsoTriesItsDecimalForm() {
        assertThat(SmscIdKey.candidates("A00FE140")).containsExactly("a00fe140", "2685395264");
    }

    @Test
    void nonNumericIdsAreMatchedAsWritten() {
        assertThat(SmscIdKey.candidates("msg-42-x")).containsExactly("msg-42-x");
    }
}

package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.routes.delivery.DeliveryState;
import cn.jiaxiao.routes.delivery.SmscReceipt;
import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class ReceiptParserTest {

    private static DeliverSm receipt(String text, OptionalParameter... tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setEsmClass((byte) 0x04);
        sm.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        sm.setOptionalParameters(tlvs);
        return sm;
    }

    @Test
    void readsTheStandardText() {
        SmscReceipt r = ReceiptParser.parse("cmcc", receipt(
                "id:a00fe140 sub:001 dlvrd:001 submit date:2611220010 done date:2611220010 stat:DELIVRD err:000 text:hi"))
                .orElseThrow();
        assertThat(r).isEqualTo(new SmscReceipt("cmcc", "a00fe140", "DELIVRD", "000"));
        assertThat(DeliveryState.fromReceiptStat(r.stat())).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void readsFieldsInAnyOrderAndCase() {
        SmscReceipt r = ReceiptParser.parse("c", receipt("STAT:undeliv ERR:001 ID:0042 sub:001")).orElseThrow();
        assertThat(r.smscId()).isEqualTo("0042");
        assertThat(DeliveryState.fromReceiptStat(r.stat())).isEqualTo(DeliveryState.UNDELIVERABLE);
        assertThat(r.err()).isEqualTo("001");
    }

    @Test
    void tlvsWinOverTheText() {
        SmscReceipt r = ReceiptParser.parse("c", receipt("id:1 stat:ENROUTE",
                new OptionalParameter.Receipted_message_id("A00FE140"),
                new OptionalParameter.Message_state((byte) 2)))
                .orElseThrow();
        assertThat(r.smscId()).isEqualTo("A00FE140");
        assertThat(r.stat()).isEqualTo("DELIVRD");
    }

    @Test
    void everyMessageStateMapsToTheSmpp34Name() {
        String[] expected = {"ENROUTE", "DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD"};
        for (int state = 1; state <= 8; state++) {
            SmscReceipt r = ReceiptParser.parse("c", receipt("",
                    new OptionalParameter.Receipted_message_id("7"), new OptionalParameter.Message_state((byte) state)))
                    .orElseThrow();
            assertThat(r.stat()).isEqualTo(expected[state - 1]);
        }
    }

    @Test
    void garbageIsNotAReceipt() {
        assertThat(ReceiptParser.parse("c", receipt("hello"))).isEmpty();
        assertThat(ReceiptParser.parse("c", receipt("id: stat:"))).isEmpty();
    }
}

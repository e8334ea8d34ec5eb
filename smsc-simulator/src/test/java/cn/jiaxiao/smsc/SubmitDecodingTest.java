package cn.jiaxiao.smsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubmitDecodingTest {
    private static final String LONG_CHINESE =
            "各位家长：本周五下午三点召开家长会，请准时到校参加。会议内容包括期中考试成绩分析、下阶段学习安排以及安全教育。"
            + "请家长提前安排好时间，如有特殊情况请与班主任联系。家长会后各科老师将在教室内与家长个别交流，"
            + "请带好孩子的作业本。另外，下周一起学校将调整作息时间，早上七点五十分前到校，下午四点二十分放学，"
            + "请家长合理安排接送，注意交通安全。谢谢配合！——实验小学三年级二班";
    private static SmscSimulator sim;
    private static TestEsme esme;

    @BeforeAll
    static void start() throws IOException {
        sim = SmscSimulator.start(SimulatorConfig.builder().smppPort(0).httpPort(-1).receiptsEnabled(false).build());
        esme = TestEsme.trx(sim.smppPort());
    }

    @AfterAll
    static void stop() {
        esme.close();
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.clear();
    }

    @Test
    void singleUcs2ChineseMessageIsRecordedWithExactText() throws Exception {
        String text = "您的孩子今天已安全到校。😀";
        String id = esme.submit("1069000", "13800001234", text.getBytes(StandardCharsets.UTF_16BE), 8, 0, 1);

        List<ReceivedMessage> got = sim.receivedFor("13800001234");
        assertThat(got).hasSize(1);
        ReceivedMessage m = got.get(0);
        assertThat(m.text()).isEqualTo(text);
        assertThat(m.dataCoding()).isEqualTo(8);
        assertThat(m.parts()).isEqualTo(1);
        assertThat(m.messageIds()).containsExactly(id);
        assertThat(m.systemId()).isEqualTo("school1");
        assertThat(m.source()).isEqualTo("1069000");
        assertThat(m.registeredDelivery()).isEqualTo(1);
        assertThat(sim.submitCount()).isEqualTo(1);
    }

    @Test
    void threePartUdhWith8BitReferenceIsReassembledInPartOrder() throws Exception {
        List<byte[]> parts = Udh.ucs2Parts8(LONG_CHINESE, 67, 0xA7);
        assertThat(parts).hasSize(3);
        List<String> ids = new ArrayList<>();
        for (byte[] p : parts) {
            ids.add(esme.submit("1069000", "13800001235", p, 8, 0x40, 1));
            if (ids.size() < 3) {
                assertThat(sim.received()).as("nothing recorded before the last part").isEmpty();
            }
        }
        ReceivedMessage m = sim.receivedFor("13800001235").get(0);
        assertThat(m.text()).isEqualTo(LONG_CHINESE);
        assertThat(m.parts()).isEqualTo(3);
        assertThat(m.messageIds()).containsExactlyElementsOf(ids);
        assertThat(m.esmClass()).isEqualTo(0x40);
        assertThat(sim.submitCount()).isEqualTo(3);
    }

    @Test
    void partsArrivingOutOfOrderWith16BitReferenceAreReassembled() throws Exception {
        List<byte[]> parts = Udh.ucs2Parts16(LONG_CHINESE, 66, 0x1234);
        assertThat(parts).hasSize(3);
        String id3 = esme.submit("1069000", "13800001236", parts.get(2), 8, 0x40, 0);
        String id1 = esme.submit("1069000", "13800001236", parts.get(0), 8, 0x40, 0);
        String id2 = esme.submit("1069000", "13800001236", parts.get(1), 8, 0x40, 0);
        ReceivedMessage m = sim.receivedFor("13800001236").get(0);
        assertThat(m.text()).isEqualTo(LONG_CHINESE);
        assertThat(m.messageIds()).containsExactly(id1, id2, id3);
    }

    @Test
    void sarTlvsAreReassembled() throws Exception {
        List<String> chunks = Udh.chunks(LONG_CHINESE, 67);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            ids.add(esme.submit("1069000", "13800001237", chunks.get(i).getBytes(StandardCharsets.UTF_16BE), 8, 0, 1,
                    OptionalParameters.newSarMsgRefNum((short) 0x2233),
                    OptionalParameters.newSarTotalSegments(chunks.size()),
                    OptionalParameters.newSarSegmentSeqnum(i + 1)));
        }
        ReceivedMessage m = sim.receivedFor("13800001237").get(0);
        assertThat(m.text()).isEqualTo(LONG_CHINESE);
        assertThat(m.parts()).isEqualTo(chunks.size());
        assertThat(m.messageIds()).containsExactlyElementsOf(ids);
    }

    @Test
    void twoConcurrentMessagesWithDifferentReferencesDoNotMix() throws Exception {
        List<byte[]> a = Udh.ucs2Parts8("甲".repeat(100), 67, 1);
        List<byte[]> b = Udh.ucs2Parts8("乙".repeat(100), 67, 2);
        esme.submit("1069000", "13800001238", a.get(0), 8, 0x40, 0);
        esme.submit("1069000", "13800001238", b.get(0), 8, 0x40, 0);
        esme.submit("1069000", "13800001238", b.get(1), 8, 0x40, 0);
        esme.submit("1069000", "13800001238", a.get(1), 8, 0x40, 0);
        assertThat(sim.receivedFor("13800001238")).extracting(ReceivedMessage::text)
                .containsExactly("乙".repeat(100), "甲".repeat(100));
    }

    @Test
    void messagePayloadTlvIsUsedWhenShortMessageIsEmpty() throws Exception {
        String text = "Hello parents, " + String.join("", Collections.nCopies(30, "long text "));
        esme.submit("1069000", "13800001239", new byte[0], 0, 0, 0,
                new OptionalParameter.OctetString((short) 0x0424, text.getBytes(StandardCharsets.US_ASCII)));
        assertThat(sim.receivedFor("13800001239").get(0).text()).isEqualTo(text);
    }

    @Test
    void latin1AndGsmDefaultAlphabetAreDecoded() throws Exception {
        esme.submit("1069000", "13800001240", "café señor".getBytes(StandardCharsets.ISO_8859_1), 3, 0, 0);
        esme.submit("1069000", "13800001241", "Code: 1234, reply Y".getBytes(StandardCharsets.US_ASCII), 0, 0, 0);
        // GSM 03.38 unpacked: '@' is 0x00 and '{' is the escape 0x1B 0x28.
        esme.submit("1069000", "13800001242", new byte[] {'a', 0x00, 'b', 0x1B, 0x28}, 0, 0, 0);
        assertThat(sim.receivedFor("13800001240").get(0).text()).isEqualTo("café señor");
        assertThat(sim.receivedFor("13800001241").get(0).text()).isEqualTo("Code: 1234, reply Y");
        assertThat(sim.receivedFor("13800001242").get(0).text()).isEqualTo("a@b{");
    }

    @Test
    void messageIdsAreUniqueAndIncreasing() throws Exception {
        String a = esme.submit("1069000", "13800001243", "a".getBytes(StandardCharsets.US_ASCII), 0, 0, 0);
        String b = esme.submit("1069000", "13800001243", "b".getBytes(StandardCharsets.US_ASCII), 0, 0, 0);
        assertThat(Long.parseLong(b, 16)).isGreaterThan(Long.parseLong(a, 16));
        assertThat(a).matches("[0-9a-f]+").matches(".*[a-f].*");
    }

    @Test
    void malformedUdhIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> esme.submit("1069000", "13800001244", new byte[] {0x09, 0x00, 0x03}, 8, 0x40, 0))
                .isInstanceOf(org.jsmpp.extra.NegativeResponseException.class);
        assertThat(sim.received()).isEmpty();
        assertThat(Duration.ZERO).isNotNull();
    }
}

package cn.jiaxiao.routes.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Random and mutated delivery receipts: whatever the SMSC sends, the parser returns a receipt or nothing
 * and never throws. 300 tries each (a fraction of a second); {@code -Djqwik.tries.default} for more.
 */
class ReceiptParserFuzzTest {

    private static final String VALID = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2406101200 done date:2406101201 "
            + "stat:DELIVRD err:000 text:家长会";

    @Property(tries = 300)
    void randomBytesNeverThrow(@ForAll byte[] text, @ForAll("tlvs") OptionalParameter[] tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setShortMessage(text);
        sm.setOptionalParameters(tlvs);
        assertThat(ReceiptParser.parse("smsc1", sm)).isNotNull();
    }

    @Property(tries = 300)
    void mutatedReceiptTextsNeverThrowAndKeepTheirId(@ForAll("mutatedReceipts") String text) {
        DeliverSm sm = new DeliverSm();
        sm.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        var receipt = ReceiptParser.parse("smsc1", sm);
        receipt.ifPresent(r -> {
            assertThat(r.smscId()).isNotBlank();
            assertThat(r.stat()).isNotNull();
        });
    }

    @Property(tries = 100)
    void nullShortMessageWithTlvsNeverThrows(@ForAll("tlvs") OptionalParameter[] tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setOptionalParameters(tlvs);
        assertThat(ReceiptParser.parse("smsc1", sm)).isNotNull();
    }

    @Provide
    Arbitrary<String> mutatedReceipts() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length());
        Arbitrary<String> insert = Arbitraries.strings().ofMaxLength(40);
        return Combinators.combine(at, at, insert, Arbitraries.integers().between(0, 4)).as((a, b, s, kind) -> {
            int from = Math.min(a, b);
            int to = Math.max(a, b);
            return switch (kind) {
                case 0 -> VALID.substring(from, to);
                case 1 -> VALID.substring(0, from) + s + VALID.substring(to);
                case 2 -> VALID.toUpperCase().replace(" ", s);
                case 3 -> s + VALID.repeat(1 + from % 50);
                default -> VALID.replace(':', s.isEmpty() ? ' ' : s.charAt(0));
            };
        });
    }

    @Provide
    Arbitrary<OptionalParameter[]> tlvs() {
        Arbitrary<OptionalParameter> id = Arbitraries.strings().ofMaxLength(70)
                .map(s -> new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), s));
        Arbitrary<OptionalParameter> state = Arbitraries.bytes()
                .map(b -> new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, b));
        Arbitrary<OptionalParameter> wrongType = Arbitraries.bytes()
                .map(b -> new OptionalParameter.Byte(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), b));
        Arbitrary<OptionalParameter> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(20)
                .map(v -> new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_STATE.code(), v));
        return Arbitraries.oneOf(id, state, wrongType, raw).array(OptionalParameter[].class).ofMaxSize(3);
    }
}

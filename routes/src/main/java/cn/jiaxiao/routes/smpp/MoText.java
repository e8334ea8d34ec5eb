package cn.jiaxiao.routes.smpp;

import cn.jiaxiao.templates.sms.Gsm7Alphabet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes mobile-originated user data by data_coding: 8 UCS-2 (big-endian, surrogate pairs included),
 * 0 unpacked GSM 7-bit, anything else Latin-1.
 */
public final class MoText {

    private MoText() {
    }

    public static String decode(int dataCoding, byte[] bytes) {
        return switch (dataCoding & 0xFF) {
            case 0x08 -> new String(bytes, StandardCharsets.UTF_16BE);
            case 0x00 -> Gsm7Alphabet.decodeUnpacked(bytes);
            default -> new String(bytes, StandardCharsets.ISO_8859_1);
        };
    }

    /**
     * The text of parts in the order given. Bytes are joined before decoding, so that a surrogate pair
     * (or a GSM escape) cut between two parts comes out whole; a change of data_coding starts a new run.
     */
    public static String join(List<MoPart> parts) {
        StringBuilder text = new StringBuilder();
        List<MoPart> run = new ArrayList<>();
        for (MoPart part : parts) {
            if (!run.isEmpty() && run.get(0).dataCoding() != part.dataCoding()) {
                text.append(decodeRun(run));
                run.clear();
            }
            run.add(part);
        }
        if (!run.isEmpty()) {
            text.append(decodeRun(run));
        }
        return text.toString();
    }

    private static String decodeRun(List<MoPart> run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        run.forEach(part -> bytes.writeBytes(part.payload()));
        return decode(run.get(0).dataCoding(), bytes.toByteArray());
    }
}

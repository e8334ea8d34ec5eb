package cn.jiaxiao.smsc;

import java.nio.charset.StandardCharsets;

/**
 * Turns message bytes into text by data_coding. Deliberately written from the SMPP/GSM specs rather than
 * borrowed from the gateway, so an encoding bug on the gateway side shows up as a wrong text here.
 */
final class ShortMessageDecoder {
    private ShortMessageDecoder() {
    }

    static String decode(byte[] bytes, int dataCoding) {
        int dcs = dataCoding & 0xFF;
        if (dcs == 0x08 || isUcs2GroupCoding(dcs)) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (dcs == 0x03) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (dcs == 0x00 || dcs == 0x01) {
            return decodeSmscDefault(bytes);
        }
        // 0x04, 0xF0-ish classes and anything else: the bytes as they are, one char per octet.
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** General data coding group 00xx with alphabet bits = UCS2 (e.g. 0x18 class 0 UCS2). */
    private static boolean isUcs2GroupCoding(int dcs) {
        return (dcs & 0xC0) == 0 && (dcs & 0x10) != 0 && (dcs & 0x0C) == 0x08;
    }

    /**
     * ESMEs send data_coding 0 either as ASCII/Latin-1 or as unpacked GSM septets. Bytes that are only
     * meaningful as GSM (control range other than CR/LF, e.g. '@'=0x00 or the 0x1B escape) decide it;
     * plain ASCII reads identically either way except for a few symbols, so it stays ASCII.
     */
    private static String decodeSmscDefault(byte[] bytes) {
        boolean highBit = false;
        boolean gsmOnly = false;
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v >= 0x80) {
                highBit = true;
            } else if (v < 0x20 && v != 0x0A && v != 0x0D) {
                gsmOnly = true;
            }
        }
        if (gsmOnly && !highBit) {
            return GsmAlphabet.decodeUnpacked(bytes);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}

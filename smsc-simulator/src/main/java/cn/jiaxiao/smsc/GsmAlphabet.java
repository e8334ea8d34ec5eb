package cn.jiaxiao.smsc;

/** GSM 03.38 default alphabet and its extension table, for unpacked septets (one per octet). */
final class GsmAlphabet {
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private GsmAlphabet() {
    }

    static String decodeUnpacked(byte[] septets) {
        StringBuilder sb = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int c = septets[i] & 0x7F;
            if (c == 0x1B && i + 1 < septets.length) {
                sb.append(extension(septets[++i] & 0x7F));
            } else {
                sb.append(BASIC.charAt(c));
            }
        }
        return sb.toString();
    }

    private static char extension(int c) {
        return switch (c) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> ' ';
        };
    }
}

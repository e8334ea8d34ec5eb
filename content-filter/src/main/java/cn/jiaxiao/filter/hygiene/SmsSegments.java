package cn.jiaxiao.filter.hygiene;

/** How many SMS segments a text needs: GSM-7 160/153 chars, otherwise UCS-2 70/67 (Chinese is always UCS-2). */
public final class SmsSegments {

    private static final String GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private SmsSegments() {
    }

    public static int count(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM7.indexOf(c) >= 0);
        int units = text.length(); // UCS-2 counts UTF-16 units, so an emoji costs two
        int single = gsm ? 160 : 70;
        int multi = gsm ? 153 : 67;
        if (units == 0) {
            return 1;
        }
        return units <= single ? 1 : (units + multi - 1) / multi;
    }
}

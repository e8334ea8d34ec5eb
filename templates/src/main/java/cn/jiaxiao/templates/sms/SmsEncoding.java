package cn.jiaxiao.templates.sms;

/** How an SMS text travels over the air, and how many characters fit in one part of each kind. */
public enum SmsEncoding {
    /** GSM 03.38 default alphabet; SMPP data_coding 0. Counted in septets. */
    GSM7(0, 160, 153),
    /** UCS-2 big-endian; SMPP data_coding 8. Counted in UTF-16 code units. */
    UCS2(8, 70, 67);

    private final int dataCoding;
    private final int singlePartUnits;
    private final int concatenatedPartUnits;

    SmsEncoding(int dataCoding, int singlePartUnits, int concatenatedPartUnits) {
        this.dataCoding = dataCoding;
        this.singlePartUnits = singlePartUnits;
        this.concatenatedPartUnits = concatenatedPartUnits;
    }

    public int dataCoding() {
        return dataCoding;
    }

    public int singlePartUnits() {
        return singlePartUnits;
    }

    /** Units left per part once the 6-byte concatenation header (8-bit reference) takes its room. */
    public int concatenatedPartUnits() {
        return concatenatedPartUnits;
    }

    /** The best encoding for a text: GSM 7-bit when every character fits it, otherwise UCS-2. */
    public static SmsEncoding of(String text) {
        return Gsm7Alphabet.canEncode(text) ? GSM7 : UCS2;
    }
}

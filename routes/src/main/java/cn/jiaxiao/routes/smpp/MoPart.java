package cn.jiaxiao.routes.smpp;

/**
 * One part of a concatenated mobile-originated SMS, as the handset sent it: the reference shared by the
 * parts of one message, how many parts there are, which one this is, and its user data without the
 * header. The bytes stay undecoded: a UCS-2 character may be split between two parts.
 */
public record MoPart(int reference, int total, int number, int dataCoding, byte[] payload) {

    public MoPart {
        if (total < 1 || number < 1 || number > total) {
            throw new IllegalArgumentException("Part " + number + " of " + total);
        }
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }
}

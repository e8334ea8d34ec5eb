package cn.jiaxiao.smsc;

/**
 * The content of one submit_sm with its concatenation facts, if any.
 *
 * @param payload   the message bytes without any UDH
 * @param reference concatenation reference ("u8:12", "u16:4660", "sar:7"), null for a standalone message
 * @param total     number of parts (1 when standalone)
 * @param sequence  1-based part number (1 when standalone)
 */
record Segment(byte[] payload, String reference, int total, int sequence) {

    boolean standalone() {
        return reference == null || total <= 1;
    }
}

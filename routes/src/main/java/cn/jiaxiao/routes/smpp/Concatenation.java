package cn.jiaxiao.routes.smpp;

/** How a connection carries a long text, as its SMSC expects it. */
public enum Concatenation {
    /** User data header, IEI 0x00, 8-bit reference: 67 UCS-2 / 153 GSM characters per part. */
    UDH8,
    /** User data header, IEI 0x08, 16-bit reference: one character less per part. */
    UDH16,
    /** SAR TLVs (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum); the text parts as with UDH8. */
    SAR,
    /** The whole text in one submit_sm's message_payload TLV; the SMSC splits it. */
    PAYLOAD
}

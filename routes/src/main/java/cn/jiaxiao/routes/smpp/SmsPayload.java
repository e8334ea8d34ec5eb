package cn.jiaxiao.routes.smpp;

/** The bytes of one submit_sm: data_coding, short_message, and whether it starts with a user data header. */
public record SmsPayload(int dataCoding, byte[] shortMessage, boolean udhi) {
}

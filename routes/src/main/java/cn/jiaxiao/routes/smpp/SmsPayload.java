package cn.jiaxiao.routes.smpp;

import org.jsmpp.bean.OptionalParameter;

/**
 * The bytes of one submit_sm: data_coding, short_message, whether it starts with a user data header, and any
 * TLVs (SAR concatenation).
 */
public record SmsPayload(int dataCoding, byte[] shortMessage, boolean udhi, OptionalParameter... tlvs) {
}

package cn.jiaxiao.routes.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash that links an audit row to its predecessor. Fields are length-prefixed and null is marked
 * apart from the empty string, so no two different rows share an encoding (a comment can't borrow
 * characters from the role, "" can't pass for null). The version tag leaves room to change the
 * encoding later without old rows verifying under the wrong rules.
 */
final class ChainHash {

    /** The predecessor of the first row. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] VERSION = "jiaxiao-audit-v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte ABSENT = 0;
    private static final byte PRESENT = 1;

    private ChainHash() {
    }

    static String of(String prevHash, Long noticeId, String action, Long actorId, String role, Instant at,
            String contentHash, String comment) {
        MessageDigest digest = sha256();
        digest.update(VERSION);
        field(digest, prevHash);
        field(digest, noticeId == null ? null : noticeId.toString());
        field(digest, action);
        field(digest, actorId == null ? null : actorId.toString());
        field(digest, role);
        field(digest, Long.toString(epochMicros(at)));
        field(digest, contentHash);
        field(digest, comment);
        return HexFormat.of().formatHex(digest.digest());
    }

    static long epochMicros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update(ABSENT);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(PRESENT);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

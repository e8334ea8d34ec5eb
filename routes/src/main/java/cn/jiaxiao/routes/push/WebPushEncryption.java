package cn.jiaxiao.routes.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188): a fresh
 * P-256 key pair and salt per message, keys derived from the ECDH secret and the subscription's auth secret,
 * one record. Only the browser holding the subscription's private key can read it; the push service cannot.
 */
public final class WebPushEncryption {

    /** The record size written in the header; a single record carries the whole (at most 4 KiB) message. */
    static final int RECORD_SIZE = 4096;
    static final int SALT_BYTES = 16;
    static final int HEADER_BYTES = SALT_BYTES + 4 + 1 + P256.POINT_BYTES;
    private static final int TAG_BYTES = 16;
    /** RFC 8291 §4: push services need accept no more than 4096 octets of body, which leaves this much plaintext. */
    public static final int MAX_PLAINTEXT = 4096 - HEADER_BYTES - TAG_BYTES - 1;

    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);
    /** RFC 8188 §2: the last record's padding starts with 0x02. */
    private static final byte LAST_RECORD_DELIMITER = 0x02;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /**
     * @param uaPublic the subscription's {@code p256dh} key, 65 bytes uncompressed
     * @param authSecret the subscription's 16-byte {@code auth} secret
     * @return the request body: RFC 8188 header followed by the one encrypted record
     */
    public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, P256.generate(), salt);
    }

    /** With the sender's key pair and salt given: for the RFC 8291 test vector; never reuse either in production. */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair asKeys, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("Web Push payload of " + plaintext.length + " bytes exceeds "
                    + MAX_PLAINTEXT);
        }
        if (authSecret.length != 16 || salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("auth secret and salt must be 16 bytes");
        }
        ECPublicKey userAgentKey = P256.publicKey(uaPublic);
        byte[] asPublic = P256.encode((ECPublicKey) asKeys.getPublic());
        byte[] ecdhSecret = P256.ecdh((ECPrivateKey) asKeys.getPrivate(), userAgentKey);

        // RFC 8291 §3.4: the auth secret and both public keys go into the key, binding it to this subscription.
        byte[] keyInfo = concat(KEY_INFO, uaPublic, asPublic);
        byte[] ikm = Hkdf.expand(Hkdf.extract(authSecret, ecdhSecret), keyInfo, 32);
        byte[] prk = Hkdf.extract(salt, ikm);
        byte[] contentKey = Hkdf.expand(prk, CEK_INFO, 16);
        byte[] nonce = Hkdf.expand(prk, NONCE_INFO, 12);

        byte[] record = Arrays.copyOf(plaintext, plaintext.length + 1);
        record[plaintext.length] = LAST_RECORD_DELIMITER;
        byte[] ciphertext = seal(contentKey, nonce, record);

        return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length)
                .put(salt)
                .putInt(RECORD_SIZE)
                .put((byte) asPublic.length)
                .put(asPublic)
                .put(ciphertext)
                .array();
    }

    private static byte[] seal(byte[] key, byte[] nonce, byte[] record) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            return cipher.doFinal(record);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer buffer = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }
}

package cn.jiaxiao.provisioning.contact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals guardians' contact points at rest (000 §3) and gives each a keyed hash, so that equality
 * lookups (an incoming SMS's number) use an index without the database ever holding the clear value.
 *
 * <p>Two independent keys are derived from the one configured secret: one for AES-256-GCM, one for
 * HMAC-SHA256. A random 96-bit IV per value; stored form is {@code iv || ciphertext+tag}.
 */
public final class ContactCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();
    // A district's fan-out seals and hashes 100,000 numbers: looking the algorithms up once per thread, not once
    // per value, is most of the cost saved. Cipher and Mac are not thread-safe, hence one each per thread.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance(
            "AES/GCM/NoPadding")));
    private final ThreadLocal<Mac> lookupMacs;

    private ContactCipher(byte[] encryptionKey, byte[] lookupKey) {
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
        this.lookupMacs = ThreadLocal.withInitial(() -> instance(() -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.lookupKey);
            return mac;
        }));
    }

    private interface Algorithm<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Algorithm<T> algorithm) {
        try {
            return algorithm.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or HMAC-SHA256 unavailable", e);
        }
    }

    public static ContactCipher fromSecret(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("jiaxiao.encryption-key must be at least 16 characters");
        }
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        return new ContactCipher(hmac(master, "jiaxiao/contact/encryption"), hmac(master, "jiaxiao/contact/lookup"));
    }

    public byte[] encrypt(String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A contact point does not decrypt: wrong jiaxiao.encryption-key?", e);
        }
    }

    /** Deterministic keyed hash of a normalised value, for index lookups. */
    public byte[] lookupHash(String normalised) {
        return normalised == null ? null : lookupMacs.get().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, String label) {
        return hmac(new SecretKeySpec(key, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

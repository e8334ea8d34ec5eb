package cn.jiaxiao.routes.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import javax.crypto.KeyAgreement;

/**
 * NIST P-256 keys in the raw forms Web Push and VAPID exchange: a 65-byte uncompressed point (0x04||X||Y) for
 * public keys and the 32-byte scalar for private keys, converted to and from JDK key objects.
 */
final class P256 {

    static final int FIELD_BYTES = 32;
    static final int POINT_BYTES = 1 + 2 * FIELD_BYTES;

    private static final ECParameterSpec SPEC = curveSpec();

    private P256() {
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks P-256", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are no uncompressed point on the curve */
    static ECPublicKey publicKey(byte[] point) {
        if (point.length != POINT_BYTES || point[0] != 0x04) {
            throw new IllegalArgumentException("Not an uncompressed P-256 point: " + point.length + " bytes");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + FIELD_BYTES));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + FIELD_BYTES, POINT_BYTES));
        // An off-curve point from a hostile subscription would leak bits of our ephemeral key in ECDH.
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("Point is not on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unusable P-256 public key", e);
        }
    }

    static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar.length != FIELD_BYTES) {
            throw new IllegalArgumentException("A P-256 private key has 32 bytes, not " + scalar.length);
        }
        BigInteger s = new BigInteger(1, scalar);
        if (s.signum() == 0 || s.compareTo(SPEC.getOrder()) >= 0) {
            throw new IllegalArgumentException("P-256 private key out of range");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, SPEC));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unusable P-256 private key", e);
        }
    }

    static byte[] encode(ECPublicKey key) {
        byte[] point = new byte[POINT_BYTES];
        point[0] = 0x04;
        unsigned(key.getW().getAffineX(), point, 1);
        unsigned(key.getW().getAffineY(), point, 1 + FIELD_BYTES);
        return point;
    }

    static byte[] encode(ECPrivateKey key) {
        byte[] scalar = new byte[FIELD_BYTES];
        unsigned(key.getS(), scalar, 0);
        return scalar;
    }

    /** The ECDH shared secret: the X coordinate of the shared point, 32 bytes. */
    static byte[] ecdh(ECPrivateKey own, ECPublicKey peer) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(peer, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH failed", e);
        }
    }

    /** Writes a non-negative integer big-endian into exactly 32 bytes at offset. */
    static void unsigned(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        int length = bytes.length - start;
        if (length > FIELD_BYTES) {
            throw new IllegalArgumentException("Value longer than 32 bytes");
        }
        System.arraycopy(bytes, start, target, offset + FIELD_BYTES - length, length);
    }

    private static boolean onCurve(BigInteger x, BigInteger y) {
        EllipticCurve curve = SPEC.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return left.equals(right);
    }

    private static ECParameterSpec curveSpec() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks P-256", e);
        }
    }
}

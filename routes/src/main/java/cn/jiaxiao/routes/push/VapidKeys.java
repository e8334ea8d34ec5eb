package cn.jiaxiao.routes.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * The application server's VAPID key pair (RFC 8292). Configured as the two base64url strings the common
 * {@code web-push generate-vapid-keys} tool prints: the 65-byte uncompressed public key (which browsers also
 * get as {@code applicationServerKey}) and the 32-byte private scalar.
 */
public record VapidKeys(ECPublicKey publicKey, ECPrivateKey privateKey) {

    public VapidKeys {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        // A mismatched pair signs JWTs no push service accepts; better to fail at start-up than on every push.
        if (!pairMatches(publicKey, privateKey)) {
            throw new IllegalArgumentException("The VAPID public key does not belong to the private key");
        }
    }

    /** @throws IllegalArgumentException when either key is malformed or they are no pair */
    public static VapidKeys fromBase64Url(String publicKey, String privateKey) {
        return new VapidKeys(P256.publicKey(Base64Url.decode(publicKey)),
                P256.privateKey(Base64Url.decode(privateKey)));
    }

    /** A fresh key pair, for setting up a deployment; store both strings, hand out only the public one. */
    public static VapidKeys generate() {
        KeyPair pair = P256.generate();
        return new VapidKeys((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    }

    public String publicKeyBase64Url() {
        return Base64Url.encode(P256.encode(publicKey));
    }

    public String privateKeyBase64Url() {
        return Base64Url.encode(P256.encode(privateKey));
    }

    @Override
    public String toString() {
        return "VapidKeys[public=" + publicKeyBase64Url() + ", private=***]";
    }

    private static boolean pairMatches(ECPublicKey publicKey, ECPrivateKey privateKey) {
        try {
            byte[] probe = "vapid key pair check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Unusable VAPID keys", e);
        }
    }
}

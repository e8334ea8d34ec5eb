package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compact signed JWTs: RS256 for the Google OAuth2 assertion, ES256 for VAPID. */
final class Jwts {

    private Jwts() {
    }

    /** @param keyId the {@code kid} header, so Google picks the right one of the account's keys */
    static String rs256(String keyId, Map<String, Object> claims, PrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        String input = signingInput(header, claims);
        return input + "." + Base64Url.encode(sign("SHA256withRSA", key, input));
    }

    static String es256(Map<String, Object> claims, ECPrivateKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "ES256");
        String input = signingInput(header, claims);
        byte[] der = sign("SHA256withECDSA", key, input);
        return input + "." + Base64Url.encode(JoseSignatures.derToJose(der, P256.FIELD_BYTES));
    }

    private static String signingInput(Map<String, Object> header, Map<String, Object> claims) {
        return Base64Url.encode(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sign(String algorithm, PrivateKey key, String input) {
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a JWT with " + algorithm, e);
        }
    }
}

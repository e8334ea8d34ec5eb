package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A Google service account from its JSON key file, as far as FCM needs it. {@code toString} leaves the key out.
 *
 * @param tokenUri where access tokens are requested; the key file's {@code token_uri} unless overridden
 */
public record ServiceAccount(String projectId, String privateKeyId, PrivateKey privateKey, String clientEmail,
        URI tokenUri) {

    public ServiceAccount {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(privateKeyId, "privateKeyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(clientEmail, "clientEmail");
        Objects.requireNonNull(tokenUri, "tokenUri");
    }

    public static ServiceAccount read(Path keyFile) {
        try {
            return parse(Files.readString(keyFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the service account key " + keyFile, e);
        }
    }

    /** @throws IllegalArgumentException when this is no service account key with an RSA PKCS#8 private key */
    public static ServiceAccount parse(String json) {
        JsonNode key = Json.read(json, JsonNode.class);
        if (!"service_account".equals(key.path("type").asText())) {
            throw new IllegalArgumentException("Not a service account key: type is '" + key.path("type").asText() + "'");
        }
        return new ServiceAccount(required(key, "project_id"), required(key, "private_key_id"),
                rsaKey(required(key, "private_key")), required(key, "client_email"),
                URI.create(required(key, "token_uri")));
    }

    /** The same account with tokens requested elsewhere, e.g. from a local test server. */
    public ServiceAccount withTokenUri(URI other) {
        return new ServiceAccount(projectId, privateKeyId, privateKey, clientEmail, other);
    }

    @Override
    public String toString() {
        return "ServiceAccount[projectId=" + projectId + ", clientEmail=" + clientEmail + ", privateKeyId="
                + Mask.tail(privateKeyId) + ", tokenUri=" + tokenUri + "]";
    }

    private static String required(JsonNode key, String field) {
        String value = key.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Service account key lacks '" + field + "'");
        }
        return value;
    }

    private static PrivateKey rsaKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // The message must not echo the key material.
            throw new IllegalArgumentException("private_key is not a PEM PKCS#8 RSA key");
        }
    }
}

package cn.jiaxiao.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for the gateway's API, as a script or curl would use it. */
public final class Api {

    public static final String PASSWORD = "jiaxiao-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)));
    }

    public int put(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.noBody()))
                .status();
    }

    public Response put(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public int delete(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).DELETE()).status();
    }

    /** With other credentials than the demo password, or a bearer token (password null). */
    public Response as(String user, String password, String bearer, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        } else if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return send(null, request);
    }

    private Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        try {
            // 90 s, not 30: with the durability ITs' five gateways starting on two cores, an approval was seen
            // taking longer than 30 s to answer; a request that truly hangs still fails.
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(90)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String body = response.body();
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), node, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, JsonNode json, String raw) {
    }

    /** A notice body as the README's curl example sends it. */
    public static String notice(String title, String body, String audienceJson) {
        try {
            return "{\"title\":" + JSON.writeValueAsString(title) + ",\"body\":" + JSON.writeValueAsString(body)
                    + ",\"audience\":" + audienceJson + ",\"channels\":[\"SMS\"]}";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

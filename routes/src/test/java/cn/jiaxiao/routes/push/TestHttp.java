package cn.jiaxiao.routes.push;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Small pieces shared by the local test servers and the tests. */
public final class TestHttp {

    private TestHttp() {
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    static void reply(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (body != null && !headers.containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A reply scripted by a test; null body sends none. */
    public record Reply(int status, String body, Map<String, String> headers) {
        public static Reply of(int status) {
            return new Reply(status, null, Map.of());
        }

        public static Reply of(int status, String body) {
            return new Reply(status, body, Map.of());
        }
    }
}

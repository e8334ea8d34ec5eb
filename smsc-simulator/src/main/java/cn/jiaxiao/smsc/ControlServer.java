package cn.jiaxiao.smsc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP control port: lets scripts and non-Java tests inspect and steer the simulator. */
final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
    private static final int MAX_BODY = 64 * 1024;

    private final SmscSimulator simulator;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, Threads.named("smsc-http"));
    private final ObjectMapper json = new ObjectMapper();

    /** Thrown for anything the caller got wrong; becomes a 400 (or the given status). */
    private static final class BadRequest extends RuntimeException {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    ControlServer(SmscSimulator simulator, String host, int port) throws IOException {
        this.simulator = simulator;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 50);
        server.setExecutor(executor);
        route("/messages", this::messages);
        route("/mo", this::mo);
        route("/stats", this::stats);
        route("/config", this::config);
        route("/drop", this::drop);
        route("/outage", this::outage);
        route("/", ex -> {
            throw new BadRequest(404, "no such endpoint: " + ex.getRequestURI().getPath());
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    void start() {
        server.start();
    }

    private void route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            // Not try-with-resources: that would close the exchange before the catch blocks can answer.
            try {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    throw new BadRequest(404, "no such endpoint: " + exchange.getRequestURI().getPath());
                }
                handler.handle(exchange);
            } catch (BadRequest e) {
                error(exchange, e.status, e.getMessage());
            } catch (IllegalStateException e) {
                error(exchange, 409, e.getMessage());
            } catch (IllegalArgumentException e) {
                error(exchange, 400, e.getMessage());
            } catch (RuntimeException | IOException e) {
                log.warn("control request {} {} failed", exchange.getRequestMethod(), path, e);
                error(exchange, 500, "internal error: " + e.getClass().getSimpleName());
            } finally {
                exchange.close();
            }
        });
    }

    private void messages(HttpExchange ex) throws IOException {
        switch (ex.getRequestMethod()) {
            case "GET" -> {
                String destination = query(ex).get("destination");
                List<ReceivedMessage> list = destination == null
                        ? simulator.received() : simulator.receivedFor(destination);
                sendJson(ex, 200, list.stream().map(ControlServer::toJson).toList());
            }
            case "DELETE" -> {
                simulator.clear();
                send(ex, 204, null);
            }
            default -> throw methodNotAllowed(ex);
        }
    }

    private void mo(HttpExchange ex) throws IOException {
        requireMethod(ex, "POST");
        JsonNode body = readObject(ex);
        String source = requiredText(body, "source");
        String destination = requiredText(body, "destination");
        String text = requiredText(body, "text");
        simulator.injectMo(source, destination, text);
        sendJson(ex, 202, Map.of("status", "accepted"));
    }

    private void stats(HttpExchange ex) throws IOException {
        requireMethod(ex, "GET");
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("submitCount", simulator.submitCount());
        stats.put("boundSessions", simulator.boundSessions());
        stats.put("received", simulator.received().size());
        sendJson(ex, 200, stats);
    }

    private void config(HttpExchange ex) throws IOException {
        requireMethod(ex, "POST");
        JsonNode body = readObject(ex);
        ConfigPatch patch = ConfigPatch.parse((ObjectNode) body);
        simulator.update(patch::applyTo);
        send(ex, 204, null);
    }

    private void drop(HttpExchange ex) throws IOException {
        requireMethod(ex, "POST");
        simulator.dropAllSessions();
        send(ex, 204, null);
    }

    private void outage(HttpExchange ex) throws IOException {
        requireMethod(ex, "POST");
        String refuse = query(ex).get("refuse");
        if (!"true".equals(refuse) && !"false".equals(refuse)) {
            throw new BadRequest(400, "query parameter refuse=true|false is required");
        }
        simulator.setRefuseBinds(Boolean.parseBoolean(refuse));
        send(ex, 204, null);
    }

    static Map<String, Object> toJson(ReceivedMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("systemId", m.systemId());
        out.put("source", m.source());
        out.put("destination", m.destination());
        out.put("text", m.text());
        out.put("dataCoding", m.dataCoding());
        out.put("parts", m.parts());
        out.put("messageIds", m.messageIds());
        out.put("registeredDelivery", m.registeredDelivery());
        out.put("esmClass", m.esmClass());
        out.put("receivedAt", m.receivedAt().toString());
        return out;
    }

    private JsonNode readObject(HttpExchange ex) throws IOException {
        byte[] bytes;
        try (InputStream in = ex.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new BadRequest(413, "request body too large");
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadRequest(400, "a JSON object is required");
        }
        return node;
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new BadRequest(400, "'" + field + "' must be a non-empty string");
        }
        return v.asText();
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> params = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void requireMethod(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equals(method)) {
            throw methodNotAllowed(ex);
        }
    }

    private static BadRequest methodNotAllowed(HttpExchange ex) {
        return new BadRequest(405, "method " + ex.getRequestMethod() + " not allowed");
    }

    private void error(HttpExchange ex, int status, String message) {
        try {
            sendJson(ex, status, Map.of("error", message == null ? "error" : message));
        } catch (IOException | RuntimeException e) {
            log.debug("could not send error response: {}", e.toString());
        }
    }

    private void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        send(ex, status, bytes);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

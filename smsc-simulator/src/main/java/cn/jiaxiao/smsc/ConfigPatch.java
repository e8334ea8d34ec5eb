package cn.jiaxiao.smsc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A partial configuration change as sent to {@code POST /config}. Validated completely before anything is
 * applied, so a bad field never leaves the simulator half-reconfigured.
 */
final class ConfigPatch {
    private final List<Consumer<SimulatorConfig.Builder>> changes = new ArrayList<>();

    static ConfigPatch parse(ObjectNode body) {
        ConfigPatch patch = new ConfigPatch();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            patch.changes.add(change(f.getKey(), f.getValue()));
        }
        return patch;
    }

    void applyTo(SimulatorConfig.Builder builder) {
        changes.forEach(c -> c.accept(builder));
    }

    private static Consumer<SimulatorConfig.Builder> change(String name, JsonNode v) {
        return switch (name) {
            case "throttleTps" -> { int n = nonNegativeInt(name, v); yield b -> b.throttleTps(n); }
            case "queueFullEvery" -> { int n = nonNegativeInt(name, v); yield b -> b.queueFullEvery(n); }
            case "receiptDelayMs" -> { long n = nonNegativeInt(name, v); yield b -> b.receiptDelay(Duration.ofMillis(n)); }
            case "submitLatencyMs" -> { long n = nonNegativeInt(name, v); yield b -> b.submitLatency(Duration.ofMillis(n)); }
            case "receiptsEnabled" -> { boolean x = bool(name, v); yield b -> b.receiptsEnabled(x); }
            case "receiptTlvs" -> { boolean x = bool(name, v); yield b -> b.receiptTlvs(x); }
            case "receiptOnAnyBind" -> { boolean x = bool(name, v); yield b -> b.receiptOnAnyBind(x); }
            case "receiptState" -> {
                String s = text(name, v).toUpperCase(Locale.ROOT);
                if (!SimulatorConfig.RECEIPT_STATES.contains(s)) {
                    throw new IllegalArgumentException("receiptState must be one of " + SimulatorConfig.RECEIPT_STATES);
                }
                yield b -> b.receiptState(s);
            }
            case "messageIdFormat" -> {
                MessageIdFormat f = enumValue(MessageIdFormat.class, name, v);
                yield b -> b.messageIdFormat(f);
            }
            case "receiptIdFormat" -> {
                ReceiptIdFormat f = enumValue(ReceiptIdFormat.class, name, v);
                yield b -> b.receiptIdFormat(f);
            }
            case "permanentErrorDestinations" -> { Set<String> s = strings(name, v); yield b -> b.permanentErrorDestinations(s); }
            case "undeliverableDestinations" -> { Set<String> s = strings(name, v); yield b -> b.undeliverableDestinations(s); }
            case "systemId" -> { String s = nullableText(name, v); yield b -> b.systemId(s); }
            case "password" -> { String s = nullableText(name, v); yield b -> b.password(s); }
            default -> throw new IllegalArgumentException("unknown config field '" + name + "'");
        };
    }

    private static int nonNegativeInt(String name, JsonNode v) {
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new IllegalArgumentException("'" + name + "' must be a non-negative integer");
        }
        return v.asInt();
    }

    private static boolean bool(String name, JsonNode v) {
        if (!v.isBoolean()) {
            throw new IllegalArgumentException("'" + name + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static String text(String name, JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return v.asText();
    }

    private static String nullableText(String name, JsonNode v) {
        return v.isNull() ? null : text(name, v);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, JsonNode v) {
        String s = text(name, v).toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + name + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    private static Set<String> strings(String name, JsonNode v) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("'" + name + "' must be an array of strings");
        }
        Set<String> out = new HashSet<>();
        for (JsonNode e : v) {
            out.add(text(name, e));
        }
        return out;
    }
}

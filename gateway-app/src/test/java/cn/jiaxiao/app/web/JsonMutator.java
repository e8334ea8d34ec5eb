package cn.jiaxiao.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/** Mutations of a valid JSON body: wrong types, odd and huge values, missing and extra fields, broken text. */
final class JsonMutator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ODD_STRINGS = {"", " ", "null", "0", "-1", "\u0000", "\uD83D\uDE00", "'; drop table notice; --",
            "<script>alert(1)</script>", "${jndi:ldap://x}", "7-1\n7-2", "１３８００１３８０００", "%s%n", "\\", "\"",
            "ＳＭＳ", "SMS,EMAIL", "EMERGENCY", "PUSH", "school", "9-999", "g7", "\u202E", "a".repeat(101)};

    private final Random random;

    JsonMutator(Random random) {
        this.random = random;
    }

    String mutate(String valid) throws Exception {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return text(valid);
        }
        if (kind == 1) {
            return randomJson(random.nextInt(4)).toString();
        }
        JsonNode root = JSON.readTree(valid);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            root = edit(root, 0);
        }
        return root.toString();
    }

    /** Byte-level damage: truncation, a flipped character, duplicated or doubled text. */
    private String text(String valid) {
        return switch (random.nextInt(5)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> {
                char[] chars = valid.toCharArray();
                chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3000);
                yield new String(chars);
            }
            case 2 -> valid + valid;
            case 3 -> "[" + valid + "]";
            default -> "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
        };
    }

    private JsonNode edit(JsonNode node, int depth) {
        if (node instanceof ObjectNode object && object.size() > 0 && (depth == 0 || random.nextBoolean())) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = object.fieldNames();
            it.forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set("extra" + random.nextInt(100), randomJson(1));
                default -> object.set(name, edit(object.get(name), depth + 1));
            }
            return object;
        }
        if (node instanceof ArrayNode array && array.size() > 0 && random.nextBoolean()) {
            int i = random.nextInt(array.size());
            array.set(i, edit(array.get(i), depth + 1));
            return array;
        }
        return replacement(node);
    }

    private JsonNode replacement(JsonNode node) {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 2 -> NODES.textNode(hugeString());
            case 3 -> NODES.numberNode(switch (random.nextInt(4)) {
                case 0 -> Long.MAX_VALUE;
                case 1 -> -1L;
                case 2 -> 0L;
                default -> random.nextLong();
            });
            case 4 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> {
                ArrayNode many = NODES.arrayNode();
                int n = random.nextBoolean() ? 20_000 : random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    many.add(node != null && node.isArray() && node.size() > 0 ? node.get(0) : NODES.textNode("7-1"));
                }
                yield many;
            }
            case 7 -> NODES.objectNode().set("x", node == null ? NODES.nullNode() : node);
            default -> node != null && node.isTextual()
                    ? NODES.textNode(node.asText().repeat(1 + random.nextInt(40))) : randomJson(1);
        };
    }

    private String hugeString() {
        int length = new int[] {101, 1_001, 2_001, 10_001, 200_000}[random.nextInt(5)];
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextBoolean() ? '通' : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private JsonNode randomJson(int depth) {
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set("k" + random.nextInt(10), randomJson(depth - 1));
                }
                yield object;
            }
        };
    }
}

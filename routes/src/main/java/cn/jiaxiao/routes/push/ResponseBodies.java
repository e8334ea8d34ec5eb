package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Reading what push and token services answer, which is not always the JSON they document. */
final class ResponseBodies {

    private ResponseBodies() {
    }

    /** The body as JSON, or a missing node when it is empty or no JSON (an HTML error page from a proxy). */
    static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.read(body, JsonNode.class);
        } catch (IllegalArgumentException e) {
            return MissingNode.getInstance();
        }
    }

    /** One line of at most 200 characters, for results and logs. */
    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}

package cn.jiaxiao.app.web;

import cn.jiaxiao.provisioning.problem.ProblemException;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Size limits on every JSON body of the API, whatever the endpoint: each string field and each list of
 * a request record is checked once the body is read, before the controller sees it, and a value too long
 * is refused with 400 naming the field ({@code "field": "audience.classes[3]"}). These are outer bounds
 * matching the database columns; the services' own rules (a title of at most 100 characters, a group name
 * of at most 50 ...) stay where they are and give their more precise messages below them.
 */
@ControllerAdvice
public class RequestBodyLimits extends RequestBodyAdviceAdapter {

    /** Items in any list, keys in any map. */
    static final int MAX_ITEMS = 10_000;
    static final int DEFAULT_MAX_CHARS = 1_000;
    private static final int MAX_DEPTH = 8;

    /** Characters per field name where the default doesn't fit. */
    static int maxChars(String field) {
        return switch (field) {
            case "source" -> 50_000;       // a template's Freemarker source
            case "body", "text", "html" -> 10_000;
            case "comment" -> 1_000;              // the audit trail's column; nothing else checks it
            case "reason", "requestReason" -> 2_000; // NoticeValidator refuses over 1 000 itself
            case "endpoint", "token" -> 8_192;       // PushTargetRules refuses over 2 048 / 4 096 itself
            case "title", "name", "displayName", "label", "phrase", "domain", "username", "signature" -> 200;
            default -> DEFAULT_MAX_CHARS;
        };
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter,
            Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "", "", 0);
        return body;
    }

    static void check(Object value, String path, String name, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof CharSequence s) {
            int max = maxChars(name);
            String text = s.toString();
            if (text.codePointCount(0, text.length()) > max) {
                throw ProblemException.invalid(path, "字段 " + path + " 不能超过 " + max + " 个字符");
            }
        } else if (value instanceof Collection<?> items) {
            if (items.size() > MAX_ITEMS) {
                throw ProblemException.invalid(path, "字段 " + path + " 最多 " + MAX_ITEMS + " 项");
            }
            int i = 0;
            for (Object item : items) {
                check(item, path + "[" + i++ + "]", name, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            if (map.size() > MAX_ITEMS) {
                throw ProblemException.invalid(path, "字段 " + path + " 最多 " + MAX_ITEMS + " 项");
            }
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                check(key, path.isEmpty() ? key : path + "." + key, "key", depth + 1);
                check(e.getValue(), path.isEmpty() ? key : path + "." + key, key, depth + 1);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object field;
                try {
                    component.getAccessor().setAccessible(true);
                    field = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                String child = component.getName();
                check(field, path.isEmpty() ? child : path + "." + child, child, depth + 1);
            }
        }
    }
}

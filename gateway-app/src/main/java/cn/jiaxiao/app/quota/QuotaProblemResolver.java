package cn.jiaxiao.app.quota;

import cn.jiaxiao.routes.quota.QuotaExceededException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A quota refusal as problem+json with its own title and fields ({@code quota}: scope, name, period, limit,
 * used, remaining, needed — or {@code recipients} and {@code cap}). Runs before the MVC exception handlers,
 * which know only a problem's status, detail and field.
 */
@Component
class QuotaProblemResolver implements HandlerExceptionResolver, Ordered {

    private final ObjectMapper json;

    QuotaProblemResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (!(ex instanceof QuotaExceededException refused)) {
            return null;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", refused.title());
        problem.put("status", refused.status());
        problem.put("detail", refused.getMessage());
        problem.put("instance", request.getRequestURI());
        problem.putAll(refused.properties());
        try {
            response.setStatus(refused.status());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), problem);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    /** After Spring Boot's error-attribute recorder, before the MVC exception handlers (order 0). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

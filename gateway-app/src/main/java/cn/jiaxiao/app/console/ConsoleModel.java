package cn.jiaxiao.app.console;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows around its content: who is logged in, which pages he may use, the school's
 * time zone, and the CSRF token the page's forms and scripts send. A refusal from the services becomes a page with its Chinese reason.
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleModel {

    private final CurrentAccount current;
    private final JiaxiaoProperties properties;

    ConsoleModel(CurrentAccount current, JiaxiaoProperties properties) {
        this.current = current;
        this.properties = properties;
    }

    /** Times are shown in the school's zone, whatever the browser's is. */
    @ModelAttribute("schoolTimeZone")
    String schoolTimeZone() {
        return properties.getTimeZone().getId();
    }

    @ModelAttribute("me")
    ConsoleUser me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        return ConsoleUser.of(current.get());
    }

    @ModelAttribute("csrf")
    CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute("message", e.getMessage());
        model.addAttribute("me", me());
        model.addAttribute("csrf", csrf(request));
        model.addAttribute("schoolTimeZone", schoolTimeZone());
        return "console/error";
    }
}

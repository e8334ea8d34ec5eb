package cn.jiaxiao.app.web;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API calls per authenticated account (runs after Spring Security, so only a proven account spends its
 * own bucket: nobody can use up another's by sending its username).
 */
public class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiters perAccount;

    public ApiRateLimitFilter(JiaxiaoProperties.RateLimit properties) {
        this.perAccount = new RateLimiters(properties.getApi(), 50_000);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            long wait = perAccount.take("account:" + auth.getName());
            if (wait > 0) {
                TooManyRequests.write(response, wait, "请求过于频繁，请稍后再试");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

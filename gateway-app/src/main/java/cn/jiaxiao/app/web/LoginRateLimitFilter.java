package cn.jiaxiao.app.web;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins per client IP and per username (runs before Spring Security). A request carrying
 * credentials (HTTP Basic, a bearer token, or a form login posted to {@code /login}) is refused with 429
 * while either bucket is empty, whatever its password: otherwise guessing would go on and the right
 * guess would still be told apart. Each 401 (or form login redirected to an error) spends a token of
 * both. Works beside the account lockout (which locks one account after repeated failures): this one
 * also slows guessing across many usernames from one address.
 */
public class LoginRateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimitFilter.class);
    private static final int MAX_USERNAME = 64;

    private final RateLimiters perIp;
    private final RateLimiters perUsername;

    public LoginRateLimitFilter(JiaxiaoProperties.RateLimit properties) {
        this.perIp = new RateLimiters(properties.getLoginFailuresPerIp(), 50_000);
        this.perUsername = new RateLimiters(properties.getLoginFailuresPerUsername(), 50_000);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean formLogin = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        if (authorization == null && !formLogin) {
            chain.doFilter(request, response);
            return;
        }
        String ip = "ip:" + request.getRemoteAddr();
        String username = formLogin ? normalise(request.getParameter("username")) : basicUsername(authorization);
        String userKey = username == null ? null : "user:" + username;
        long wait = Math.max(perIp.peek(ip), userKey == null ? 0 : perUsername.peek(userKey));
        if (wait > 0) {
            log.warn("Login attempts refused for a while: too many failures from {} or for the username", ip);
            TooManyRequests.write(response, wait, "登录失败次数过多，请稍后再试");
            return;
        }
        chain.doFilter(request, response);
        if (failed(response, formLogin)) {
            perIp.spend(ip);
            if (userKey != null) {
                perUsername.spend(userKey);
            }
        }
    }

    private static boolean failed(HttpServletResponse response, boolean formLogin) {
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            return true;
        }
        String location = response.getHeader(HttpHeaders.LOCATION);
        return formLogin && response.getStatus() / 100 == 3 && location != null && location.contains("error");
    }

    static String basicUsername(String authorization) {
        if (authorization.length() < 7 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return normalise(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String normalise(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String u = username.strip().toLowerCase(Locale.ROOT);
        return u.length() > MAX_USERNAME ? u.substring(0, MAX_USERNAME) : u;
    }
}

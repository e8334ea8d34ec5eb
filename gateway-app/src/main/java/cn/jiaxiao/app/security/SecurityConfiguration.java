package cn.jiaxiao.app.security;

import cn.jiaxiao.app.web.ProblemWriter;
import cn.jiaxiao.provisioning.account.AccountStatus;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.token.ApiTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * API clients authenticate with HTTP Basic or a personal token ({@code Authorization: Bearer jx_...}). Every
 * request loads the account afresh, so a suspension (封号) or a lock takes effect on the next request.
 *
 * <p>The web console logs in with a form and keeps a session cookie; the API accepts that session too. A request
 * that rides on the cookie needs the CSRF token (the cookie travels with any cross-site request); one that
 * carries its own {@code Authorization: Basic|Bearer} credentials does not. Anonymous API calls still answer 401
 * problem+json; only page requests outside {@code /api/**} are sent to the login page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, UserDetailsService users) throws Exception {
        AuthenticationEntryPoint entryPoint = SecurityConfiguration::unauthorized;
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiTokenFilter(tokens, users, entryPoint), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((request, response, e) ->
                                ProblemWriter.write(response, HttpStatus.FORBIDDEN, e instanceof CsrfException
                                        ? "CSRF 令牌缺失或无效，请刷新页面后重试" : "无权访问")))
                // An API call never starts a session; it may use the console's, if it carries its cookie.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(CSRF_FOR_SESSION_COOKIE))
                .build();
    }

    /** Unsafe methods riding on a session cookie, without credentials of their own. */
    static final RequestMatcher CSRF_FOR_SESSION_COOKIE = request ->
            CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                    && request.getRequestedSessionId() != null
                    && !carriesCredentials(request);

    static boolean carriesCredentials(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6)
                || header.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    @Bean
    @Order(2)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/**", "/v3/api-docs/**", "/v3/api-docs")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/v3/api-docs")
                        .permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> { })
                .build();
    }

    /** The demo's stand-in push service: called by the gateway itself, as a push service would be. */
    @Bean
    @Order(3)
    SecurityFilterChain demoPushService(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/demo/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The web console: form login, a session cookie, CSRF tokens on every form and script call. */
    @Bean
    @Order(4)
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/favicon.ico", "/webjars/**", "/console/*.css",
                                "/console/*.js", "/console/*.svg")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .defaultSuccessUrl("/console", false)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?" + (e instanceof LockedException ? "locked"
                                        : e instanceof DisabledException ? "disabled" : "error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(StaffAccountRepository accounts, Clock clock) {
        return username -> accounts.findByUsername(username)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .disabled(account.status() == AccountStatus.SUSPENDED)
                        .accountLocked(account.isLocked(clock.instant()))
                        .authorities("STAFF")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    private static void unauthorized(jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response, AuthenticationException e) throws java.io.IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"jiaxiao\", charset=\"UTF-8\"");
        String detail;
        if (e instanceof LockedException) {
            detail = "密码连续输错次数过多，账号已锁定，请 15 分钟后再试或联系账号管理员";
        } else if (e instanceof DisabledException) {
            detail = "账号已被停用（封号），请联系账号管理员";
        } else if (e != null && e.getCause() instanceof InvalidTokenException) {
            detail = "访问令牌无效或已吊销";
        } else {
            detail = "请使用账号和密码登录（HTTP Basic）或个人访问令牌";
        }
        ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, detail);
    }
}

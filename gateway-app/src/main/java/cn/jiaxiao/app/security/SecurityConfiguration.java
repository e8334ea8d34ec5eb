package cn.jiaxiao.app.security;

import cn.jiaxiao.app.web.ProblemWriter;
import cn.jiaxiao.provisioning.account.AccountStatus;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.token.ApiTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * API clients authenticate with HTTP Basic or a personal token ({@code Authorization: Bearer jx_...}). Every
 * request loads the account afresh, so a suspension (封号) or a lock takes effect on the next request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
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
                                ProblemWriter.write(response, HttpStatus.FORBIDDEN, "无权访问")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Credentials travel with every call; no cookie, so no cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
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

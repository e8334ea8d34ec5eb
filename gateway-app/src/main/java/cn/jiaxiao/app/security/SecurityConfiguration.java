package cn.jiaxiao.app.security;

import cn.jiaxiao.app.web.ProblemWriter;
import cn.jiaxiao.provisioning.account.AccountStatus;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * API clients authenticate with HTTP Basic against the staff accounts; a suspended account (封号) is
 * refused from its next request on, since every request loads the account afresh.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"jiaxiao\", charset=\"UTF-8\"");
                    ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "请使用账号和密码登录（HTTP Basic）");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        ProblemWriter.write(response, HttpStatus.FORBIDDEN, "无权访问")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Basic credentials travel with every call; no cookie, so no cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> { })
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService staffAccounts(StaffAccountRepository accounts) {
        return username -> accounts.findByUsername(username)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .disabled(account.status() == AccountStatus.SUSPENDED)
                        .authorities("STAFF")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}

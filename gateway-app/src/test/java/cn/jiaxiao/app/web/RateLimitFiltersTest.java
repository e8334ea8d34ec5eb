package cn.jiaxiao.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** The rate and size filters on their own, with small limits. */
class RateLimitFiltersTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void failedLoginsPerUsernameAreLimitedAndAnsweredWith429AndRetryAfter() throws Exception {
        JiaxiaoProperties.RateLimit limits = new JiaxiaoProperties.RateLimit();
        limits.getLoginFailuresPerUsername().setCapacity(3);
        limits.getLoginFailuresPerUsername().setRefill(3);
        limits.getLoginFailuresPerUsername().setPeriod(Duration.ofMinutes(15));
        LoginRateLimitFilter filter = new LoginRateLimitFilter(limits);
        AtomicInteger reached = new AtomicInteger();
        FilterChain wrongPassword = (req, res) -> {
            reached.incrementAndGet();
            ((HttpServletResponse) res).setStatus(401);
        };
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(basic("10.0.0." + i, "Teacher71", "wrong"), response, wrongPassword);
            assertThat(response.getStatus()).isEqualTo(401);
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(basic("10.0.0.9", "teacher71", "jiaxiao-demo"), refused, (req, res) -> reached.incrementAndGet());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":429").contains("登录失败次数过多");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(reached).as("the refused request never reached authentication").hasValue(3);

        MockHttpServletResponse other = new MockHttpServletResponse();
        filter.doFilter(basic("10.0.0.9", "teacher72", "jiaxiao-demo"), other, (req, res) -> { });
        assertThat(other.getStatus()).as("another username from the same address").isEqualTo(200);
    }

    @Test
    void failedLoginsPerIpAreLimitedAcrossUsernames() throws Exception {
        JiaxiaoProperties.RateLimit limits = new JiaxiaoProperties.RateLimit();
        limits.getLoginFailuresPerIp().setCapacity(5);
        LoginRateLimitFilter filter = new LoginRateLimitFilter(limits);
        for (int i = 0; i < 5; i++) {
            filter.doFilter(basic("10.1.1.1", "user" + i, "x"), new MockHttpServletResponse(),
                    (req, res) -> ((HttpServletResponse) res).setStatus(401));
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(basic("10.1.1.1", "someone", "x"), refused, (req, res) -> { });
        assertThat(refused.getStatus()).isEqualTo(429);
        MockHttpServletResponse elsewhere = new MockHttpServletResponse();
        filter.doFilter(basic("10.1.1.2", "someone", "x"), elsewhere, (req, res) -> { });
        assertThat(elsewhere.getStatus()).isEqualTo(200);
        MockHttpServletResponse noCredentials = new MockHttpServletResponse();
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/actuator/health");
        anonymous.setRemoteAddr("10.1.1.1");
        filter.doFilter(anonymous, noCredentials, (req, res) -> { });
        assertThat(noCredentials.getStatus()).as("requests without credentials pass").isEqualTo(200);
    }

    @Test
    void apiCallsPerAccountHaveABurstThenARate() throws Exception {
        JiaxiaoProperties.RateLimit limits = new JiaxiaoProperties.RateLimit();
        limits.getApi().setCapacity(10);
        limits.getApi().setRefill(1);
        limits.getApi().setPeriod(Duration.ofMinutes(1));
        ApiRateLimitFilter filter = new ApiRateLimitFilter(limits);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "teacher71", null, AuthorityUtils.createAuthorityList("STAFF")));
        int ok = 0;
        MockHttpServletResponse last = null;
        for (int i = 0; i < 12; i++) {
            last = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/api/notices"), last, (req, res) -> { });
            ok += last.getStatus() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(10);
        assertThat(last.getStatus()).isEqualTo(429);
        assertThat(last.getHeader("Retry-After")).isNotNull();
        MockHttpServletResponse notApi = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/actuator/health"), notApi, (req, res) -> { });
        assertThat(notApi.getStatus()).isEqualTo(200);
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(1024);
        MockHttpServletRequest big = new MockHttpServletRequest("POST", "/api/notices");
        big.setContentType("application/json");
        big.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(big, response, (req, res) -> { });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");

        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/roster/imports");
        upload.setContentType("multipart/form-data; boundary=x");
        upload.setContent(new byte[2048]);
        MockHttpServletResponse passed = new MockHttpServletResponse();
        filter.doFilter(upload, passed, (req, res) -> { });
        assertThat(passed.getStatus()).as("multipart has its own limit").isEqualTo(200);
    }

    @Test
    void requestRecordsAreCheckedFieldByField() {
        record Audience(java.util.List<String> classes) {
        }
        record Notice(String title, String body, Audience audience) {
        }
        RequestBodyLimits.check(new Notice("t", "b", new Audience(java.util.List.of("7-1"))), "", "", 0);
        var tooLong = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> RequestBodyLimits.check(new Notice("t", "b", new Audience(java.util.List.of("7-1", "x".repeat(1001)))),
                        "", "", 0), cn.jiaxiao.provisioning.problem.ProblemException.class);
        assertThat(tooLong.field()).isEqualTo("audience.classes[1]");
        assertThat(tooLong.status()).isEqualTo(400);
    }

    private static MockHttpServletRequest basic(String ip, String user, String password) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/account");
        request.setRemoteAddr(ip);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}

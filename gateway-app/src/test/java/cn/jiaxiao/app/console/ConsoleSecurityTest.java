package cn.jiaxiao.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's session rides on a cookie, so every unsafe request made with it needs the CSRF token, on the
 * API too; API calls with their own credentials don't, never get a session, and anonymous ones still get 401.
 */
class ConsoleSecurityTest extends GatewayTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    /** Logs in through the form as a browser would; the session cookie. */
    private String login(String user, String password) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url("/login"))).GET());
        String session = cookie(page);
        Matcher token = FORM_CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1))));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).as("logged in").endsWith("/console");
        return cookie(done) != null ? cookie(done) : session;
    }

    @Test
    void pagesLeadAnonymousUsersToTheLoginFormButTheApiStillAnswers401() throws Exception {
        HttpResponse<String> root = send(HttpRequest.newBuilder(URI.create(url("/"))).GET());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(url("/login"))).GET());
        assertThat(login.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"", "lang=\"zh-CN\"");

        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(url("/api/notices")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(cookie(api)).as("an API call never starts a session").isNull();
    }

    @Test
    void basicAndTokenCallsNeedNoCsrfAndStartNoSession() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("teacher71:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> check = send(HttpRequest.newBuilder(URI.create(url("/api/content/check")))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"请家长按时接孩子。\"}")));
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(cookie(check)).isNull();
    }

    @Test
    void theSessionCookieNeedsTheCsrfTokenOnTheApi() throws Exception {
        String session = login("teacher72", Api.PASSWORD);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url("/console/compose")))
                .header("Cookie", session).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("7-2").doesNotContain("value=\"7-1\"");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();

        String json = "{\"text\":\"请家长按时接孩子。\"}";
        HttpResponse<String> forged = send(HttpRequest.newBuilder(URI.create(url("/api/content/check")))
                .header("Cookie", session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");

        HttpResponse<String> withToken = send(HttpRequest.newBuilder(URI.create(url("/api/content/check")))
                .header("Cookie", session).header("X-CSRF-TOKEN", token.group(1))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(withToken.statusCode()).isEqualTo(200);

        HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(url("/api/account"))).header("Cookie", session).GET());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("teacher72");
    }

    @Test
    void aWrongPasswordShowsTheChineseMessage() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url("/login"))).GET());
        Matcher token = FORM_CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> failed = send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Cookie", cookie(page)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=logisticshead&password=wrong&_csrf=" + token.group(1))));
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        HttpResponse<String> shown = send(HttpRequest.newBuilder(URI.create(url("/login?error"))).GET());
        assertThat(shown.body()).contains("账号或密码错误");
        jdbc.update("update staff_account set failed_logins = 0 where username = 'logisticshead'", java.util.Map.of());
    }
}

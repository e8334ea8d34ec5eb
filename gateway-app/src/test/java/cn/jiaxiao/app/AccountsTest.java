package cn.jiaxiao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiaxiao.app.support.Api;
import cn.jiaxiao.app.support.GatewayTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Accounts and login (school-rules §1, 000 §5): two-level management, suspension, lockout, tokens, audit. */
class AccountsTest extends GatewayTest {

    private static final String PASSWORD = "Start-2026-pass";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @Test
    void eachLevelsManagerManagesThatLevelOnly() {
        String g8teacher = newAccount("affairs", "8-1", "HEAD_TEACHER", "8-1").username;
        Api.Response grade7InG8 = api.post("grade7", "/api/accounts", accountJson("xtest" + SEQ.incrementAndGet(), "8-1",
                "HEAD_TEACHER", "8-1"));
        assertThat(grade7InG8.status()).isEqualTo(403);
        assertThat(grade7InG8.json().get("field").asText()).isEqualTo("unit");

        String g7teacher = newAccount("grade7", "7-2", "SUBJECT_TEACHER", "7-2").username;
        assertThat(api.post("grade7", "/api/accounts/" + g8teacher + "/suspend", null).status()).isEqualTo(403);
        assertThat(api.post("grade7", "/api/accounts/affairs/suspend", null).status()).isEqualTo(403);
        assertThat(api.post("affairs", "/api/accounts/" + g7teacher + "/suspend", null).status())
                .as("the school level manages the division's accounts only through the division's manager")
                .isEqualTo(403);
        assertThat(api.post("grade7", "/api/accounts/" + g7teacher + "/suspend", null).status()).isEqualTo(204);
        assertThat(api.get("grade7", "/api/accounts").raw()).contains(g7teacher).doesNotContain(g8teacher);
        Api.Response roleOutside = api.post("grade7", "/api/accounts", accountJson("ytest" + SEQ.incrementAndGet(), "7-1",
                "HEAD_TEACHER", "8-1"));
        assertThat(roleOutside.status()).isEqualTo(403);
        assertThat(roleOutside.json().get("field").asText()).isEqualTo("roles.unit");
        assertThat(api.post("teacher71", "/api/accounts", accountJson("ztest" + SEQ.incrementAndGet(), "7-1",
                "HEAD_TEACHER", "7-1")).status()).isEqualTo(403);
    }

    @Test
    void aSuspendedAccountIsRefusedFromItsNextRequestUntilReactivated() {
        Created teacher = newAccount("affairs", "8-1", "HEAD_TEACHER", "8-1");
        assertThat(me(teacher.username, PASSWORD).status()).isEqualTo(200);
        assertThat(api.post("affairs", "/api/accounts/" + teacher.username + "/suspend", null).status()).isEqualTo(204);
        Api.Response refused = me(teacher.username, PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asText()).contains("封号");
        assertThat(api.post("affairs", "/api/accounts/" + teacher.username + "/reactivate", null).status())
                .isEqualTo(204);
        assertThat(me(teacher.username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithAClearMessage() {
        Created teacher = newAccount("affairs", "8-1", "HEAD_TEACHER", "8-1");
        for (int i = 0; i < 5; i++) {
            assertThat(me(teacher.username, "wrong-password-" + i).status()).isEqualTo(401);
        }
        Api.Response locked = me(teacher.username, PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asText()).contains("锁定");
        assertThat(api.post("affairs", "/api/accounts/" + teacher.username + "/reset-password",
                "{\"password\":\"Reset-2026-pass\"}").status()).isEqualTo(204);
        assertThat(me(teacher.username, "Reset-2026-pass").status()).isEqualTo(200);
    }

    @Test
    void theOwnerChangesHisPassword() {
        Created teacher = newAccount("affairs", "8-1", "HEAD_TEACHER", "8-1");
        Api.Response wrongCurrent = api.as(teacher.username, PASSWORD, null, "POST", "/api/account/password",
                "{\"currentPassword\":\"nope\",\"newPassword\":\"Brand-new-2026\"}");
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("field").asText()).isEqualTo("currentPassword");
        Api.Response weak = api.as(teacher.username, PASSWORD, null, "POST", "/api/account/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}");
        assertThat(weak.json().get("field").asText()).isEqualTo("newPassword");
        assertThat(api.as(teacher.username, PASSWORD, null, "POST", "/api/account/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Brand-new-2026\"}").status()).isEqualTo(204);
        assertThat(me(teacher.username, PASSWORD).status()).isEqualTo(401);
        assertThat(me(teacher.username, "Brand-new-2026").status()).isEqualTo(200);
    }

    @Test
    void personalTokensAuthenticateScriptsUntilRevoked() {
        Created teacher = newAccount("affairs", "8-1", "HEAD_TEACHER", "8-1");
        Api.Response issued = api.as(teacher.username, PASSWORD, null, "POST", "/api/account/tokens",
                "{\"name\":\"考勤脚本\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = issued.json().get("token").asText();
        assertThat(token).startsWith("jx_");
        Api.Response viaToken = api.as(null, null, token, "GET", "/api/account", null);
        assertThat(viaToken.status()).isEqualTo(200);
        assertThat(viaToken.json().get("username").asText()).isEqualTo(teacher.username);
        assertThat(api.as(null, null, token, "GET", "/api/account/tokens", null).raw()).doesNotContain(token);

        long id = issued.json().get("id").asLong();
        assertThat(api.as(null, null, token, "DELETE", "/api/account/tokens/" + id, null).status()).isEqualTo(204);
        Api.Response revoked = api.as(null, null, token, "GET", "/api/account", null);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asText()).contains("令牌");
        assertThat(api.as(null, null, "jx_forged", "GET", "/api/account", null).status()).isEqualTo(401);
    }

    @Test
    void administrativeChangesAreAuditedMaskedAndCannotBeRewritten() {
        Created teacher = newAccount("affairs", "8-1", "HEAD_TEACHER", "8-1");
        api.post("affairs", "/api/accounts/" + teacher.username + "/suspend", null);
        Api.Response log = api.get("affairs", "/api/audit/admin?limit=50");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.raw()).contains("ACCOUNT_CREATED").contains("ACCOUNT_SUSPENDED").contains(teacher.username)
                .contains("139****").doesNotContain(teacher.mobile);
        assertThat(api.get("grade7", "/api/audit/admin").status()).isEqualTo(403);
        assertThatThrownBy(() -> jdbc.update("update admin_audit set action = 'X'", Map.of()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from admin_audit", Map.of()))
                .hasMessageContaining("append-only");
    }

    private Api.Response me(String username, String password) {
        return api.as(username, password, null, "GET", "/api/account", null);
    }

    private Created newAccount(String manager, String unit, String role, String roleUnit) {
        String username = "acct" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 100000;
        String mobile = String.format("1391%07d", System.nanoTime() % 10_000_000);
        Api.Response created = api.post(manager, "/api/accounts", accountJson(username, unit, role, roleUnit)
                .replace("\"mobile\":null", "\"mobile\":\"" + mobile + "\""));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Created(username, mobile);
    }

    private static String accountJson(String username, String unit, String role, String roleUnit) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"测试教师\",\"unit\":\"" + unit
                + "\",\"roles\":[{\"role\":\"" + role + "\",\"unit\":\"" + roleUnit + "\"}],\"mobile\":null,"
                + "\"password\":\"" + PASSWORD + "\"}";
    }

    private record Created(String username, String mobile) {
    }
}

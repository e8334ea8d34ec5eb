package cn.jiaxiao.provisioning.token;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Personal API tokens for scripts, instead of a password in a file. The token is shown once; only its
 * SHA-256 is stored (a token is random, so no salt or slow hash is needed to resist guessing).
 */
public class ApiTokens {

    public static final String PREFIX = "jx_";
    private static final int MAX_TOKENS = 20;

    private final NamedParameterJdbcTemplate jdbc;
    private final AdminAuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(NamedParameterJdbcTemplate jdbc, AdminAuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public IssuedToken issue(StaffAccount account, String name) {
        if (name == null || name.isBlank() || name.length() > 50) {
            throw ProblemException.invalid("name", "请为令牌命名（不超过 50 字）");
        }
        Integer live = jdbc.queryForObject(
                "select count(*) from api_token where account_id = :a and revoked_at is null",
                Map.of("a", account.id()), Integer.class);
        if (live != null && live >= MAX_TOKENS) {
            throw ProblemException.conflict("令牌数量已达上限（" + MAX_TOKENS + " 个），请先吊销不用的令牌");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("insert into api_token (account_id, name, token_hash) values (:a, :name, :hash)",
                new MapSqlParameterSource().addValue("a", account.id()).addValue("name", name.trim())
                        .addValue("hash", hash(token)), keys, new String[] {"id"});
        audit.record(account.id(), "TOKEN_ISSUED", "account", account.username(), null, Map.of("token", name.trim()));
        return new IssuedToken(keys.getKey().longValue(), name.trim(), token);
    }

    /** The username a live token belongs to. */
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        List<String> owners = jdbc.queryForList("""
                update api_token t set last_used_at = now() from staff_account a
                where t.token_hash = :hash and t.revoked_at is null and a.id = t.account_id
                returning a.username""", Map.of("hash", hash(token)), String.class);
        return owners.stream().findFirst();
    }

    public List<TokenInfo> list(StaffAccount account) {
        return jdbc.query("""
                select id, name, created_at, last_used_at, revoked_at from api_token where account_id = :a
                order by id""", Map.of("a", account.id()),
                (rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))));
    }

    public void revoke(StaffAccount account, long id) {
        int revoked = jdbc.update("""
                update api_token set revoked_at = now() where id = :id and account_id = :a and revoked_at is null""",
                Map.of("id", id, "a", account.id()));
        if (revoked == 0) {
            throw ProblemException.notFound("令牌不存在或已吊销");
        }
        audit.record(account.id(), "TOKEN_REVOKED", "account", account.username(), Map.of("tokenId", id), null);
    }

    public record IssuedToken(long id, String name, String token) {
    }

    public record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

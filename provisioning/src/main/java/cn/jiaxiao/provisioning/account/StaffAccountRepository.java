package cn.jiaxiao.provisioning.account;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

public class StaffAccountRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final UnitRepository units;
    private final ContactCipher cipher;

    public StaffAccountRepository(NamedParameterJdbcTemplate jdbc, UnitRepository units, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.units = units;
        this.cipher = cipher;
    }

    public Optional<StaffAccount> findByUsername(String username) {
        return find("username = :key", username);
    }

    public Optional<StaffAccount> findById(long id) {
        return find("id = :key", id);
    }

    /** Accounts holding {@code role} at exactly {@code unit}. */
    public List<StaffAccount> findHolders(Role role, Unit unit) {
        List<Long> ids = jdbc.queryForList(
                "select account_id from role_assignment where role = :role and unit_id = :unit order by account_id",
                Map.of("role", role.name(), "unit", unit.id()), Long.class);
        return ids.stream().map(this::findById).flatMap(Optional::stream).toList();
    }

    public long create(String username, String displayName, Unit home, String passwordHash, MobileNumber mobile) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into staff_account (username, display_name, unit_id, password_hash, mobile_enc, mobile_hash)
                values (:username, :displayName, :unit, :hash, :mobileEnc, :mobileHash)""",
                new MapSqlParameterSource().addValue("username", username).addValue("displayName", displayName)
                        .addValue("unit", home.id()).addValue("hash", passwordHash)
                        .addValue("mobileEnc", mobile == null ? null : cipher.encrypt(mobile.e164()))
                        .addValue("mobileHash", mobile == null ? null : cipher.lookupHash(mobile.e164())),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public List<StaffAccount> findAll() {
        return jdbc.queryForList("select id from staff_account order by username", Map.of(), Long.class).stream()
                .map(this::findById).flatMap(Optional::stream).toList();
    }

    /** The mobile numbers of these accounts (those that have one), by account id. */
    public Map<Long, MobileNumber> mobilesOf(java.util.Collection<Long> ids) {
        Map<Long, MobileNumber> mobiles = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return mobiles;
        }
        jdbc.query("""
                select id, mobile_enc from staff_account where id in (:ids) and mobile_enc is not null order by id""",
                Map.of("ids", ids),
                rs -> {
                    mobiles.put(rs.getLong("id"), new MobileNumber(cipher.decrypt(rs.getBytes("mobile_enc"))));
                });
        return mobiles;
    }

    public void setStatus(long id, AccountStatus status) {
        jdbc.update("update staff_account set status = :status where id = :id", Map.of("status", status.name(), "id", id));
    }

    public void setPasswordHash(long id, String hash) {
        jdbc.update("""
                update staff_account set password_hash = :hash, password_changed_at = now(), failed_logins = 0,
                  locked_until = null where id = :id""", Map.of("hash", hash, "id", id));
    }

    /** Counts a failed login; the {@code maxFailures}-th in a row locks the account until {@code lockUntil}. */
    public void recordFailedLogin(String username, int maxFailures, java.time.Instant lockUntil) {
        jdbc.update("""
                update staff_account set failed_logins = failed_logins + 1,
                  locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
                where username = :username""",
                Map.of("max", maxFailures, "until", java.sql.Timestamp.from(lockUntil), "username", username));
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.update("update staff_account set failed_logins = 0, locked_until = null where username = :username "
                + "and (failed_logins <> 0 or locked_until is not null)", Map.of("username", username));
    }

    public void revoke(long accountId, Role role, Unit unit) {
        jdbc.update("delete from role_assignment where account_id = :account and role = :role and unit_id = :unit",
                Map.of("account", accountId, "role", role.name(), "unit", unit.id()));
    }

    public void grant(long accountId, Role role, Unit unit) {
        jdbc.update("""
                insert into role_assignment (account_id, role, unit_id) values (:account, :role, :unit)
                on conflict do nothing""",
                Map.of("account", accountId, "role", role.name(), "unit", unit.id()));
    }

    private Optional<StaffAccount> find(String condition, Object key) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, username, display_name, unit_id, password_hash, status, locked_until from staff_account where "
                        + condition,
                Map.of("key", key));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        long id = ((Number) row.get("id")).longValue();
        List<RoleAssignment> roles = jdbc.query(
                "select role, unit_id from role_assignment where account_id = :id order by role, unit_id",
                Map.of("id", id),
                (rs, n) -> new RoleAssignment(Role.valueOf(rs.getString("role")),
                        units.findById(rs.getLong("unit_id")).orElseThrow()));
        return Optional.of(new StaffAccount(id, (String) row.get("username"), (String) row.get("display_name"),
                ((Number) row.get("unit_id")).longValue(), (String) row.get("password_hash"),
                AccountStatus.valueOf((String) row.get("status")),
                row.get("locked_until") == null ? null : ((java.sql.Timestamp) row.get("locked_until")).toInstant(),
                roles));
    }
}

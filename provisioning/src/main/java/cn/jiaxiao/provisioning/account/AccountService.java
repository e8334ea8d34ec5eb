package cn.jiaxiao.provisioning.account;

import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Personal, real-name accounts (实名, 000 §5, 001 §4): created, suspended (封号) and reset by the account
 * manager of their level only; passwords changed by their owner; repeated failed logins lock them for a while.
 * Every change is written to the admin audit log.
 */
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,49}");

    private final StaffAccountRepository accounts;
    private final AccountPolicy policy;
    private final UnitRepository units;
    private final AdminAuditLog audit;
    private final PasswordEncoder passwords;
    private final TransactionOperations tx;
    private final Clock clock;

    public AccountService(StaffAccountRepository accounts, AccountPolicy policy, UnitRepository units,
            AdminAuditLog audit, PasswordEncoder passwords, TransactionOperations tx, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.units = units;
        this.audit = audit;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
    }

    public StaffAccount create(StaffAccount manager, NewAccount request) {
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw ProblemException.invalid("username", "账号须为 3–50 位小写字母、数字或 . _ -，以字母或数字开头");
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 50) {
            throw ProblemException.invalid("displayName", "请填写实名（不超过 50 字）");
        }
        Unit home = unit("unit", request.unit());
        if (!policy.mayCreateAt(manager, home)) {
            throw ProblemException.forbidden("unit", "无权在 " + home.name() + " 创建账号：不属于您管理的层级");
        }
        requirePassword("password", request.password());
        MobileNumber mobile = request.mobile() == null || request.mobile().isBlank() ? null
                : MobileNumber.parse(request.mobile())
                        .orElseThrow(() -> ProblemException.invalid("mobile", "手机号码格式不正确"));
        List<Grant> grants = request.roles().stream().map(r -> grantable(manager, r)).toList();
        if (accounts.findByUsername(username).isPresent()) {
            throw ProblemException.conflict("账号 " + username + " 已存在");
        }
        long id = tx.execute(status -> {
            long created = accounts.create(username, request.displayName().trim(), home,
                    passwords.encode(request.password()), mobile);
            grants.forEach(g -> accounts.grant(created, g.role(), g.unit()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("displayName", request.displayName().trim());
            after.put("unit", home.code());
            after.put("roles", grants.stream().map(g -> g.role() + "@" + g.unit().code()).toList());
            after.put("mobile", mobile == null ? null : mobile.masked());
            audit.record(manager.id(), "ACCOUNT_CREATED", "account", username, null, after);
            return created;
        });
        return accounts.findById(id).orElseThrow();
    }

    public void suspend(StaffAccount manager, String username) {
        changeStatus(manager, username, AccountStatus.SUSPENDED, "ACCOUNT_SUSPENDED");
    }

    public void reactivate(StaffAccount manager, String username) {
        changeStatus(manager, username, AccountStatus.ACTIVE, "ACCOUNT_REACTIVATED");
    }

    public void resetPassword(StaffAccount manager, String username, String newPassword) {
        StaffAccount account = managed(manager, username);
        requirePassword("password", newPassword);
        tx.executeWithoutResult(status -> {
            accounts.setPasswordHash(account.id(), passwords.encode(newPassword));
            audit.record(manager.id(), "PASSWORD_RESET", "account", username, null, null);
        });
    }

    public void changePassword(StaffAccount account, String currentPassword, String newPassword) {
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "当前密码不正确");
        }
        requirePassword("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw ProblemException.invalid("newPassword", "新密码不能与当前密码相同");
        }
        tx.executeWithoutResult(status -> {
            accounts.setPasswordHash(account.id(), passwords.encode(newPassword));
            audit.record(account.id(), "PASSWORD_CHANGED", "account", account.username(), null, null);
        });
    }

    public void grantRole(StaffAccount manager, String username, NewAccount.RoleRequest request) {
        StaffAccount account = managed(manager, username);
        Grant grant = grantable(manager, request);
        tx.executeWithoutResult(status -> {
            accounts.grant(account.id(), grant.role(), grant.unit());
            audit.record(manager.id(), "ROLE_GRANTED", "account", username, null,
                    Map.of("role", grant.role() + "@" + grant.unit().code()));
        });
    }

    public void revokeRole(StaffAccount manager, String username, NewAccount.RoleRequest request) {
        StaffAccount account = managed(manager, username);
        Grant grant = grantable(manager, request);
        tx.executeWithoutResult(status -> {
            accounts.revoke(account.id(), grant.role(), grant.unit());
            audit.record(manager.id(), "ROLE_REVOKED", "account", username,
                    Map.of("role", grant.role() + "@" + grant.unit().code()), null);
        });
    }

    /** The accounts this manager manages. */
    public List<StaffAccount> managedBy(StaffAccount manager) {
        if (!manager.holds(Role.ACCOUNT_MANAGER)) {
            throw ProblemException.forbidden(null, "只有账号管理员可以查看账号列表");
        }
        return accounts.findAll().stream().filter(a -> policy.mayManage(manager, a)).toList();
    }

    public void recordFailedLogin(String username) {
        accounts.recordFailedLogin(username, MAX_FAILED_LOGINS, clock.instant().plus(LOCK_DURATION));
    }

    public void recordSuccessfulLogin(String username) {
        accounts.recordSuccessfulLogin(username);
    }

    private void changeStatus(StaffAccount manager, String username, AccountStatus status, String action) {
        StaffAccount account = managed(manager, username);
        tx.executeWithoutResult(s -> {
            accounts.setStatus(account.id(), status);
            audit.record(manager.id(), action, "account", username, Map.of("status", account.status().name()),
                    Map.of("status", status.name()));
        });
    }

    private StaffAccount managed(StaffAccount manager, String username) {
        StaffAccount account = accounts.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> ProblemException.notFound("账号不存在：" + username));
        if (!policy.mayManage(manager, account)) {
            throw ProblemException.forbidden("username", "无权管理账号 " + username + "：不属于您管理的层级");
        }
        return account;
    }

    private Grant grantable(StaffAccount manager, NewAccount.RoleRequest request) {
        Role role;
        try {
            role = Role.valueOf(request.role() == null ? "" : request.role().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("roles.role", "未知角色：" + request.role());
        }
        Unit unit = unit("roles.unit", request.unit());
        if (!policy.mayGrantAt(manager, unit)) {
            throw ProblemException.forbidden("roles.unit", "无权在 " + unit.name() + " 授予角色");
        }
        return new Grant(role, unit);
    }

    private Unit unit(String field, String code) {
        return units.findByCode(code == null ? "" : code.trim())
                .orElseThrow(() -> ProblemException.invalid(field, "未知单位：" + code));
    }

    private static void requirePassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 128) {
            throw ProblemException.invalid(field, "密码长度须为 " + MIN_PASSWORD_LENGTH + "–128 位");
        }
        if (password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
            throw ProblemException.invalid(field, "密码须同时包含字母和数字或符号");
        }
    }

    private record Grant(Role role, Unit unit) {
    }
}

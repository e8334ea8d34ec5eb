package cn.jiaxiao.routes.quota;

import cn.jiaxiao.provisioning.account.AccountPolicy;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Account managers set the quotas (校院两级管理, mirroring who manages which account): an account's quota is
 * set by the manager of the account's level ({@link AccountPolicy#mayManage}, so a division's own manager is
 * set by the school level); unit quotas and the per-recipient cap by the school-level manager. Every change
 * goes to the admin audit log with the setting before and after.
 */
public class QuotaAdmin {

    /** More than any school sends: a typo guard. */
    public static final long MAX_SMS = 10_000_000;
    public static final long MAX_RECIPIENT_DAILY = 100;

    private final QuotaSettings settings;
    private final QuotaLedger ledger;
    private final AccountPolicy policy;
    private final StaffAccountRepository accounts;
    private final UnitRepository units;
    private final AdminAuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionOperations tx;

    public QuotaAdmin(QuotaSettings settings, QuotaLedger ledger, AccountPolicy policy,
            StaffAccountRepository accounts, UnitRepository units, AdminAuditLog audit,
            NamedParameterJdbcTemplate jdbc, TransactionOperations tx) {
        this.settings = settings;
        this.ledger = ledger;
        this.policy = policy;
        this.accounts = accounts;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** One's own quotas: the account's, and those of its home unit and the units above. */
    public Map<String, Object> mine(StaffAccount account) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<QuotaLedger.Target> targets = ledger.targetsOf(account);
        view.put("account", entry(targets.get(0)));
        view.put("units", targets.subList(1, targets.size()).stream().map(this::entry).toList());
        view.put("recipientDailyMessages", settings.recipientDailyMessages());
        view.put("emergencyExempt", true);
        return view;
    }

    /** The quotas of a unit's subtree and of the accounts there the manager manages. */
    public Map<String, Object> overview(StaffAccount manager, Long unitId) {
        List<Unit> levels = manager.roles().stream().filter(r -> r.role() == Role.ACCOUNT_MANAGER)
                .map(r -> r.unit()).toList();
        if (levels.isEmpty()) {
            throw ProblemException.forbidden(null, "只有账号管理员可以查看和设置额度");
        }
        Unit unit = unitId == null ? levels.get(0) : units.findById(unitId)
                .filter(u -> levels.stream().anyMatch(level -> level.contains(u)))
                .orElseThrow(() -> ProblemException.notFound("单位不存在或不在您的管理范围内"));
        List<Long> ids = jdbc.queryForList("select id from unit where path like :path order by path",
                Map.of("path", unit.path() + "%"), Long.class);
        List<Unit> subtree = units.findByIds(ids).stream().sorted(Comparator.comparing(Unit::path)).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("unit", Map.of("id", unit.id(), "code", unit.code(), "name", unit.name()));
        view.put("units", subtree.stream().map(u -> entry(new QuotaLedger.Target(QuotaScope.UNIT, u.id(), u.name())))
                .toList());
        view.put("accounts", accounts.findAll().stream()
                .filter(a -> ids.contains(a.unitId()) && policy.mayManage(manager, a))
                .map(a -> entry(new QuotaLedger.Target(QuotaScope.ACCOUNT, a.id(), a.displayName()))).toList());
        view.put("recipientDailyMessages", settings.recipientDailyMessages());
        view.put("defaults", settings.defaults());
        return view;
    }

    public QuotaEntry setAccount(StaffAccount manager, long accountId, QuotaRequest request) {
        StaffAccount account = managedAccount(manager, accountId);
        if (request.recipientDailyMessages() != null) {
            throw ProblemException.invalid("recipientDailyMessages", "每位家长每日接收上限只能在学校单位上设置");
        }
        QuotaSettings.Setting setting = new QuotaSettings.Setting(validLimits(request), null);
        change(manager, QuotaScope.ACCOUNT, account.id(), account.username(), Optional.of(setting));
        return entry(new QuotaLedger.Target(QuotaScope.ACCOUNT, account.id(), account.displayName()));
    }

    public QuotaEntry setUnit(StaffAccount manager, long unitId, QuotaRequest request) {
        Unit unit = managedUnit(manager, unitId);
        Long cap = request.recipientDailyMessages();
        if (cap != null && unit.parentId() != null) {
            throw ProblemException.invalid("recipientDailyMessages", "每位家长每日接收上限只能在学校单位上设置");
        }
        if (cap != null && (cap < 1 || cap > MAX_RECIPIENT_DAILY)) {
            throw ProblemException.invalid("recipientDailyMessages", "每位家长每日接收上限须在 1 到 "
                    + MAX_RECIPIENT_DAILY + " 之间");
        }
        QuotaSettings.Setting setting = new QuotaSettings.Setting(validLimits(request),
                cap == null ? null : cap.intValue());
        change(manager, QuotaScope.UNIT, unit.id(), unit.code(), Optional.of(setting));
        return entry(new QuotaLedger.Target(QuotaScope.UNIT, unit.id(), unit.name()));
    }

    /** Back to the configured defaults. */
    public QuotaEntry resetAccount(StaffAccount manager, long accountId) {
        StaffAccount account = managedAccount(manager, accountId);
        change(manager, QuotaScope.ACCOUNT, account.id(), account.username(), Optional.empty());
        return entry(new QuotaLedger.Target(QuotaScope.ACCOUNT, account.id(), account.displayName()));
    }

    public QuotaEntry resetUnit(StaffAccount manager, long unitId) {
        Unit unit = managedUnit(manager, unitId);
        change(manager, QuotaScope.UNIT, unit.id(), unit.code(), Optional.empty());
        return entry(new QuotaLedger.Target(QuotaScope.UNIT, unit.id(), unit.name()));
    }

    private void change(StaffAccount manager, QuotaScope scope, long id, String target,
            Optional<QuotaSettings.Setting> setting) {
        tx.executeWithoutResult(status -> {
            Map<String, Object> before = describe(settings.find(scope, id));
            if (setting.isPresent()) {
                settings.save(scope, id, setting.get(), manager.id());
            } else {
                settings.delete(scope, id);
            }
            ledger.limitsChanged(scope, id);
            audit.record(manager.id(), setting.isPresent() ? "QUOTA_SET" : "QUOTA_RESET",
                    scope == QuotaScope.ACCOUNT ? "account" : "unit", target, before, describe(setting));
        });
    }

    private static Map<String, Object> describe(Optional<QuotaSettings.Setting> setting) {
        if (setting.isEmpty()) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("dailySms", setting.get().limits().dailySms());
        map.put("monthlySms", setting.get().limits().monthlySms());
        if (setting.get().recipientDailyMessages() != null) {
            map.put("recipientDailyMessages", setting.get().recipientDailyMessages());
        }
        return map;
    }

    private StaffAccount managedAccount(StaffAccount manager, long accountId) {
        requireManager(manager);
        StaffAccount account = accounts.findById(accountId)
                .orElseThrow(() -> ProblemException.notFound("账号不存在：" + accountId));
        if (!policy.mayManage(manager, account)) {
            throw ProblemException.forbidden(null, "无权设置账号 " + account.username() + " 的额度：不属于您管理的层级");
        }
        return account;
    }

    private Unit managedUnit(StaffAccount manager, long unitId) {
        requireManager(manager);
        Unit unit = units.findById(unitId).orElseThrow(() -> ProblemException.notFound("单位不存在：" + unitId));
        Unit school = units.lineage(unit).get(0);
        if (manager.roles().stream().noneMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().id() == school.id())) {
            throw ProblemException.forbidden(null, "单位额度由学校层级的账号管理员设置");
        }
        return unit;
    }

    private static void requireManager(StaffAccount manager) {
        if (!manager.holds(Role.ACCOUNT_MANAGER)) {
            throw ProblemException.forbidden(null, "只有账号管理员可以设置额度");
        }
    }

    private static QuotaLimits validLimits(QuotaRequest request) {
        return new QuotaLimits(valid("dailySms", "每日短信上限", request.dailySms()),
                valid("monthlySms", "每月短信上限", request.monthlySms()));
    }

    private static Integer valid(String field, String label, Long value) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > MAX_SMS) {
            throw ProblemException.invalid(field, label + "须在 0 到 " + MAX_SMS + " 之间（不填为不限）");
        }
        return value.intValue();
    }

    private QuotaEntry entry(QuotaLedger.Target target) {
        Optional<QuotaSettings.Setting> setting = settings.find(target.scope(), target.id());
        QuotaLimits limits = setting.map(QuotaSettings.Setting::limits)
                .orElseGet(() -> settings.defaults().forScope(target.scope()));
        List<QuotaUse> uses = new ArrayList<>(ledger.uses(target));
        return new QuotaEntry(target.scope(), target.id(), target.name(), setting.isPresent(), limits.dailySms(),
                limits.monthlySms(), uses);
    }
}

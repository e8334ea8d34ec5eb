package cn.jiaxiao.app.account;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.AccountService;
import cn.jiaxiao.provisioning.account.NewAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Account managers' work (账号管理员): the accounts of their level, and the admin audit log. */
@RestController
@RequestMapping("/api")
class AccountsController {

    private static final int MAX_AUDIT = 500;

    private final CurrentAccount current;
    private final AccountService accounts;
    private final UnitRepository units;
    private final AdminAuditLog audit;

    AccountsController(CurrentAccount current, AccountService accounts, UnitRepository units, AdminAuditLog audit) {
        this.current = current;
        this.accounts = accounts;
        this.units = units;
        this.audit = audit;
    }

    record PasswordReset(String password) {
    }

    @GetMapping("/accounts")
    List<AccountView> list() {
        return accounts.managedBy(current.get()).stream().map(a -> AccountView.of(a, units)).toList();
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@RequestBody NewAccount request) {
        return AccountView.of(accounts.create(current.get(), request), units);
    }

    @PostMapping("/accounts/{username}/suspend")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void suspend(@PathVariable String username) {
        accounts.suspend(current.get(), username);
    }

    @PostMapping("/accounts/{username}/reactivate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reactivate(@PathVariable String username) {
        accounts.reactivate(current.get(), username);
    }

    @PostMapping("/accounts/{username}/reset-password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable String username, @RequestBody PasswordReset reset) {
        accounts.resetPassword(current.get(), username, reset.password());
    }

    @PostMapping("/accounts/{username}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void grantRole(@PathVariable String username, @RequestBody NewAccount.RoleRequest role) {
        accounts.grantRole(current.get(), username, role);
    }

    @PostMapping("/accounts/{username}/roles/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeRole(@PathVariable String username, @RequestBody NewAccount.RoleRequest role) {
        accounts.revokeRole(current.get(), username, role);
    }

    @GetMapping("/audit/admin")
    List<AdminAuditLog.Entry> adminAudit(@RequestParam(defaultValue = "100") int limit) {
        var reader = current.get();
        var school = units.lineage(units.findById(reader.unitId()).orElseThrow()).get(0);
        if (reader.roles().stream().noneMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().id() == school.id())) {
            throw ProblemException.forbidden(null, "只有学校层级的账号管理员可以查看管理日志");
        }
        if (limit < 1 || limit > MAX_AUDIT) {
            throw ProblemException.invalid("limit", "limit 须在 1 到 " + MAX_AUDIT + " 之间");
        }
        return audit.recent(limit);
    }
}

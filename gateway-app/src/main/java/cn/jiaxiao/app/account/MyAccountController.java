package cn.jiaxiao.app.account;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.AccountService;
import cn.jiaxiao.provisioning.token.ApiTokens;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who he is, his password, his personal API tokens. */
@RestController
@RequestMapping("/api/account")
class MyAccountController {

    private final CurrentAccount current;
    private final AccountService accounts;
    private final ApiTokens tokens;
    private final UnitRepository units;

    MyAccountController(CurrentAccount current, AccountService accounts, ApiTokens tokens, UnitRepository units) {
        this.current = current;
        this.accounts = accounts;
        this.tokens = tokens;
        this.units = units;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record TokenRequest(String name) {
    }

    @GetMapping
    AccountView me() {
        return AccountView.of(current.get(), units);
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange change) {
        accounts.changePassword(current.get(), change.currentPassword(), change.newPassword());
    }

    @GetMapping("/tokens")
    List<ApiTokens.TokenInfo> tokens() {
        return tokens.list(current.get());
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiTokens.IssuedToken issue(@RequestBody TokenRequest request) {
        return tokens.issue(current.get(), request.name());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id) {
        tokens.revoke(current.get(), id);
    }
}

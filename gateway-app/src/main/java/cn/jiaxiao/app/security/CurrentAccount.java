package cn.jiaxiao.app.security;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.account.StaffAccountRepository;
import cn.jiaxiao.provisioning.problem.ProblemException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The staff account behind the current request, with its roles as they are now. */
@Component
public class CurrentAccount {

    private final StaffAccountRepository accounts;

    CurrentAccount(StaffAccountRepository accounts) {
        this.accounts = accounts;
    }

    public StaffAccount get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw ProblemException.forbidden(null, "请先登录");
        }
        return accounts.findByUsername(auth.getName())
                .orElseThrow(() -> ProblemException.forbidden(null, "账号不存在"));
    }
}

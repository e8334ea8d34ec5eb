package cn.jiaxiao.app.console;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The roster for account managers and head teachers: classes, students and guardians, grants, groups, and the
 * file import (dry run, then apply). Every list and change goes through the roster API, scoped as it is.
 */
@Controller
class RosterPageController {

    private final CurrentAccount current;

    RosterPageController(CurrentAccount current) {
        this.current = current;
    }

    @GetMapping("/console/roster")
    String roster() {
        StaffAccount account = current.get();
        if (!account.holds(Role.ACCOUNT_MANAGER) && !account.holds(Role.HEAD_TEACHER)) {
            throw ProblemException.forbidden(null, "名册管理仅限账号管理员和班主任");
        }
        return "console/roster";
    }
}

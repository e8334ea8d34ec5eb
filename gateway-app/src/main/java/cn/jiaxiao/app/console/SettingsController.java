package cn.jiaxiao.app.console;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.problem.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** School settings (term lists, whitelist, quotas, templates) for the school-level account manager only. */
@Controller
class SettingsController {

    private final CurrentAccount current;

    SettingsController(CurrentAccount current) {
        this.current = current;
    }

    @GetMapping("/console/settings")
    String settings() {
        boolean schoolManager = current.get().roles().stream()
                .anyMatch(r -> r.role() == Role.ACCOUNT_MANAGER && r.unit().kind() == UnitKind.SCHOOL);
        if (!schoolManager) {
            throw ProblemException.forbidden(null, "系统设置仅限学校级账号管理员");
        }
        return "console/settings";
    }
}

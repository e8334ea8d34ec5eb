package cn.jiaxiao.app.console;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.AccountService;
import cn.jiaxiao.provisioning.problem.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Changing one's own password, through the same service as {@code POST /api/account/password}. */
@Controller
@RequestMapping("/console/password")
class PasswordController {

    private final CurrentAccount current;
    private final AccountService accounts;

    PasswordController(CurrentAccount current, AccountService accounts) {
        this.current = current;
        this.accounts = accounts;
    }

    @GetMapping
    String form() {
        return "console/password";
    }

    @PostMapping
    String change(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String repeatPassword, Model model) {
        if (!newPassword.equals(repeatPassword)) {
            model.addAttribute("error", "两次输入的新密码不一致");
            return "console/password";
        }
        try {
            accounts.changePassword(current.get(), currentPassword, newPassword);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            return "console/password";
        }
        model.addAttribute("changed", true);
        return "console/password";
    }
}

package cn.jiaxiao.app.console;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.approval.ApprovalAction;
import cn.jiaxiao.routes.approval.ApprovalChains;
import cn.jiaxiao.routes.approval.ChainKind;
import cn.jiaxiao.routes.approval.StepTemplate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * School settings (term lists, whitelist, quiet hours, approval chains, quotas, templates) for the school-level
 * account manager only; the page's forms call the settings APIs, which refuse anyone else too.
 */
@Controller
class SettingsController {

    /** Steps offered per chain in the form; the API takes up to ApprovalChainSettings.MAX_STEPS. */
    private static final int CHAIN_ROWS = 4;

    private final CurrentAccount current;
    private final JiaxiaoProperties properties;

    SettingsController(CurrentAccount current, JiaxiaoProperties properties) {
        this.current = current;
        this.properties = properties;
    }

    @GetMapping("/console/settings")
    String settings(Model model) {
        if (!current.get().managesSchool()) {
            throw ProblemException.forbidden(null, "系统设置仅限学校级账号管理员");
        }
        model.addAttribute("timeZone", properties.getTimeZone().getId());
        model.addAttribute("chainKinds", List.of(ChainKind.values()));
        model.addAttribute("chainRows", CHAIN_ROWS);
        model.addAttribute("actions", List.of(ApprovalAction.values()));
        model.addAttribute("roles", List.copyOf(ApprovalChains.APPROVER_ROLES));
        model.addAttribute("anchors", List.of(StepTemplate.Anchor.values()));
        return "console/settings";
    }
}

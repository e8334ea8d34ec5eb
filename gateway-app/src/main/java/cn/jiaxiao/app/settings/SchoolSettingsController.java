package cn.jiaxiao.app.settings;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.routes.settings.ApprovalChainSettings;
import cn.jiaxiao.routes.settings.ApprovalChainSettings.ChainRequest;
import cn.jiaxiao.routes.settings.ApprovalChainSettings.ChainView;
import cn.jiaxiao.routes.settings.QuietHoursSetting;
import cn.jiaxiao.routes.settings.QuietHoursSettings;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Quiet hours and approval chains, for the school-level account manager only (others get 403). A PUT stores the
 * school's value over the configured default, a DELETE puts the default back; every change is in the admin audit.
 */
@RestController
@RequestMapping("/api/settings")
class SchoolSettingsController {

    private final CurrentAccount current;
    private final QuietHoursSettings quietHours;
    private final ApprovalChainSettings chains;

    SchoolSettingsController(CurrentAccount current, QuietHoursSettings quietHours, ApprovalChainSettings chains) {
        this.current = current;
        this.quietHours = quietHours;
        this.chains = chains;
    }

    @GetMapping("/quiet-hours")
    QuietHoursSettings.View quietHours() {
        return quietHours.view(current.get());
    }

    @PutMapping("/quiet-hours")
    QuietHoursSettings.View setQuietHours(@RequestBody(required = false) QuietHoursSetting request) {
        return quietHours.update(current.get(), request);
    }

    @DeleteMapping("/quiet-hours")
    QuietHoursSettings.View resetQuietHours() {
        return quietHours.reset(current.get());
    }

    @GetMapping("/approval-chains")
    List<ChainView> chains() {
        return chains.chains(current.get());
    }

    @GetMapping("/approval-chains/{kind}")
    ChainView chain(@PathVariable String kind) {
        return chains.chain(current.get(), kind);
    }

    @PutMapping("/approval-chains/{kind}")
    ChainView setChain(@PathVariable String kind, @RequestBody(required = false) ChainRequest request) {
        return chains.update(current.get(), kind, request);
    }

    @DeleteMapping("/approval-chains/{kind}")
    ChainView resetChain(@PathVariable String kind) {
        return chains.reset(current.get(), kind);
    }
}

package cn.jiaxiao.app.quota;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.routes.quota.QuotaAdmin;
import cn.jiaxiao.routes.quota.QuotaEntry;
import cn.jiaxiao.routes.quota.QuotaRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMS quotas: everyone sees his own; account managers see and set those of their level (an account's by the
 * manager of its level, units' by the school-level manager). Emergency notices are exempt from all quotas.
 */
@RestController
@RequestMapping("/api/quotas")
class QuotaController {

    private final CurrentAccount current;
    private final QuotaAdmin quotas;

    QuotaController(CurrentAccount current, QuotaAdmin quotas) {
        this.current = current;
        this.quotas = quotas;
    }

    @GetMapping("/me")
    Map<String, Object> mine() {
        return quotas.mine(current.get());
    }

    @GetMapping
    Map<String, Object> overview(@RequestParam(required = false) Long unitId) {
        return quotas.overview(current.get(), unitId);
    }

    @PutMapping("/accounts/{id}")
    QuotaEntry setAccount(@PathVariable long id, @RequestBody QuotaRequest request) {
        return quotas.setAccount(current.get(), id, request);
    }

    @PutMapping("/units/{id}")
    QuotaEntry setUnit(@PathVariable long id, @RequestBody QuotaRequest request) {
        return quotas.setUnit(current.get(), id, request);
    }

    @DeleteMapping("/accounts/{id}")
    QuotaEntry resetAccount(@PathVariable long id) {
        return quotas.resetAccount(current.get(), id);
    }

    @DeleteMapping("/units/{id}")
    QuotaEntry resetUnit(@PathVariable long id) {
        return quotas.resetUnit(current.get(), id);
    }
}

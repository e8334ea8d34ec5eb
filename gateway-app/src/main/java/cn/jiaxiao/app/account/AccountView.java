package cn.jiaxiao.app.account;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.time.Instant;
import java.util.List;

/** An account as the API shows it: never its password hash. */
public record AccountView(long id, String username, String displayName, String unit, String status,
        Instant lockedUntil, List<String> roles) {

    static AccountView of(StaffAccount account, UnitRepository units) {
        return new AccountView(account.id(), account.username(), account.displayName(),
                units.findById(account.unitId()).map(u -> u.code()).orElse(null), account.status().name(),
                account.lockedUntil(),
                account.roles().stream().map(r -> r.role().name() + "@" + r.unit().code()).toList());
    }
}

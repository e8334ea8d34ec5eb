package cn.jiaxiao.routes.settings;

import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.problem.ProblemException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Who may touch the school's settings, and how a change is made: the stored row and its admin-audit entry in one
 * transaction, then this instance reloads at once (the others on their timer).
 */
public class SettingChanges {

    private static final Logger log = LoggerFactory.getLogger(SettingChanges.class);
    static final String AUDIT_TARGET = "school_setting";

    private final SchoolSettingRepository repository;
    private final SchoolSettings settings;
    private final AdminAuditLog audit;
    private final TransactionOperations tx;

    public SettingChanges(SchoolSettingRepository repository, SchoolSettings settings, AdminAuditLog audit,
            TransactionOperations tx) {
        this.repository = repository;
        this.settings = settings;
        this.audit = audit;
        this.tx = tx;
    }

    /** Reading too: the settings say how the school's approvals work, which is the manager's business. */
    public void requireSchoolManager(StaffAccount account) {
        if (!account.managesSchool()) {
            throw ProblemException.forbidden(null, "只有学校层级的账号管理员可以查看或修改系统设置");
        }
    }

    public void put(StaffAccount manager, String name, String value, String auditAction) {
        tx.executeWithoutResult(status -> {
            Optional<String> before = repository.lock(name);
            repository.put(name, value, manager.id());
            audit.record(manager.id(), auditAction, AUDIT_TARGET, name, before.map(SettingChanges::stored).orElse(null),
                    stored(value));
        });
        reload();
    }

    /** Back to the configured default; nothing is recorded when there was no stored value. */
    public void remove(StaffAccount manager, String name, String auditAction) {
        tx.executeWithoutResult(status -> repository.lock(name).ifPresent(before -> {
            repository.remove(name);
            audit.record(manager.id(), auditAction, AUDIT_TARGET, name, stored(before), Map.of("value", "default"));
        }));
        reload();
    }

    private void reload() {
        try {
            settings.reload();
        } catch (RuntimeException e) {
            // Committed; the reload timer picks it up on its next run.
            log.warn("School settings changed but not reloaded at once: {}", e.getMessage());
        }
    }

    private static Map<String, Object> stored(String value) {
        return Map.of("value", value);
    }
}

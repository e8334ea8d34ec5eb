package cn.jiaxiao.app.roster;

import cn.jiaxiao.provisioning.account.Role;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.provisioning.roster.ImportPlan;
import cn.jiaxiao.provisioning.roster.RosterFile;
import cn.jiaxiao.provisioning.roster.RosterImporter;
import cn.jiaxiao.provisioning.roster.RosterRejectedException;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs roster imports for account managers, within their level. A dry run answers at once; a real run goes
 * on in the background (one at a time) and reports its progress. Jobs are kept in this instance's memory:
 * the progress of an import is asked of the instance that runs it.
 */
@Component
class RosterImports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

    private final RosterImporter importer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "roster-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    RosterImports(RosterImporter importer) {
        this.importer = importer;
    }

    ImportPlan dryRun(StaffAccount manager, RosterFile file) {
        return importer.plan(file, scopeOf(manager));
    }

    ImportJob start(StaffAccount manager, RosterFile file) {
        Unit scope = scopeOf(manager);
        String id = UUID.randomUUID().toString();
        jobs.put(id, new ImportJob(id, ImportJob.RUNNING, "queued", 0, 0, null, null));
        worker.execute(() -> run(id, manager, file, scope));
        return jobs.get(id);
    }

    ImportJob job(String id) {
        ImportJob job = jobs.get(id);
        if (job == null) {
            throw ProblemException.notFound("导入任务不存在：" + id);
        }
        return job;
    }

    private void run(String id, StaffAccount manager, RosterFile file, Unit scope) {
        try {
            ImportPlan plan = importer.apply(file, scope, (phase, done, total) ->
                    jobs.put(id, new ImportJob(id, ImportJob.RUNNING, phase, done, total, null, null)));
            jobs.put(id, new ImportJob(id, ImportJob.DONE, "done", 1, 1, plan, null));
            log.info("Roster import {} by {} applied to {}", id, manager.username(), scope.code());
        } catch (RosterRejectedException e) {
            jobs.put(id, new ImportJob(id, ImportJob.REJECTED, "validate", 0, 0, e.plan(), "名单有错误，未导入任何数据"));
        } catch (RuntimeException e) {
            log.error("Roster import {} failed", id, e);
            jobs.put(id, new ImportJob(id, ImportJob.FAILED, "apply", 0, 0, null, "导入失败，未写入任何数据"));
        }
    }

    /** The unit an account manager imports for: his level. */
    private static Unit scopeOf(StaffAccount manager) {
        return manager.roles().stream().filter(r -> r.role() == Role.ACCOUNT_MANAGER).map(r -> r.unit())
                .reduce((a, b) -> a.contains(b) ? a : b)
                .orElseThrow(() -> ProblemException.forbidden(null, "只有账号管理员可以导入名单"));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}

package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.roster.ValidatedRoster.ValidLine;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Imports a school's roster for a scope unit: {@link #plan} shows what would change, {@link #apply} makes it
 * so in one transaction, or refuses the whole file when any line is invalid. Applying the same file again
 * changes nothing.
 */
public class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

    /** Two imports at once would each plan against a database the other is changing: one waits. */
    private static final long IMPORT_LOCK = 0x6A78_726F_7374L;

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;
    private final UnitRepository units;
    private final TransactionOperations tx;

    public RosterImporter(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, UnitRepository units,
            TransactionOperations tx) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.units = units;
        this.tx = tx;
    }

    /** What applying {@code file} would do; writes nothing. */
    public ImportPlan plan(RosterFile file, Unit scope) {
        return plan(file, scope, ProgressListener.NONE);
    }

    public ImportPlan plan(RosterFile file, Unit scope, ProgressListener progress) {
        return compute(file, scope, progress).plan();
    }

    /**
     * Applies {@code file} in one transaction and returns the plan it carried out.
     *
     * @throws RosterRejectedException when the file has any error; nothing is written then
     */
    public ImportPlan apply(RosterFile file, Unit scope, ProgressListener progress) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        return tx.execute(status -> {
            jdbc.getJdbcOperations().query("select pg_advisory_xact_lock(?)", rs -> { }, IMPORT_LOCK);
            Computation computed = compute(file, scope, listener);
            ImportPlan plan = computed.plan();
            if (plan.hasErrors()) {
                log.info("Roster import for unit {} refused: {} invalid line(s)", plan.scopeCode(), plan.errors().size());
                throw new RosterRejectedException(plan);
            }
            long started = System.nanoTime();
            new PlanApplier(jdbc, cipher).apply(computed.changes(), listener);
            log.info("Roster import for unit {} applied in {} ms: students +{} ~{} -{}, guardians +{} ~{}, links +{} ~{} -{}",
                    plan.scopeCode(), (System.nanoTime() - started) / 1_000_000,
                    plan.studentsAdded().total(), plan.studentsChanged().total(), plan.studentsRemoved().total(),
                    plan.guardiansAdded().total(), plan.guardiansChanged().total(),
                    plan.linksAdded().total(), plan.linksChanged().total(), plan.linksRemoved().total());
            return plan;
        });
    }

    private record Computation(ImportPlan plan, RosterChanges changes) {
    }

    private Computation compute(RosterFile file, Unit scope, ProgressListener progress) {
        // The caller's Unit may be stale (moved in the tree since it was read); scope by the stored one.
        Unit current = units.findById(scope.id())
                .orElseThrow(() -> new IllegalArgumentException("Scope unit " + scope.id() + " does not exist"));
        ClassDirectory classes = ClassDirectory.load(jdbc, current);
        ValidatedRoster roster = new LineValidator(classes).validate(file, progress);

        Map<String, byte[]> hashes = new HashMap<>();
        for (ValidLine line : roster.lines()) {
            MobileNumber mobile = line.mobile();
            if (mobile != null) {
                hashes.computeIfAbsent(mobile.e164(), cipher::lookupHash);
            }
        }
        RosterSnapshot snapshot = RosterSnapshot.load(jdbc, cipher, roster.listedStudentNos(),
                roster.coveredClassIds(), hashes.values(), roster.emailColumn());
        List<LineError> errors = new ArrayList<>(roster.errors());
        RosterChanges changes = new PlanBuilder(classes).build(roster, snapshot, hashes, errors, progress);
        errors.sort(Comparator.comparingInt(LineError::lineNo));

        List<String> covered = roster.coveredClassIds().stream().map(classes::byId).map(Unit::code).sorted().toList();
        ImportPlan plan = changes.toPlan(current, file.lines().size(), covered, List.copyOf(errors),
                roster.warnings(), cipher);
        return new Computation(plan, changes);
    }
}

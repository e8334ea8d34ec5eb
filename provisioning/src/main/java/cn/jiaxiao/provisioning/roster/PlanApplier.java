package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.roster.RosterChanges.ChangedGuardian;
import cn.jiaxiao.provisioning.roster.RosterChanges.NewGuardian;
import cn.jiaxiao.provisioning.roster.RosterChanges.NewLink;
import cn.jiaxiao.provisioning.roster.RosterChanges.NewStudent;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Writes a set of changes with batched statements, in the caller's transaction. Rows the import creates get
 * their ids back through one query per table, not one per row.
 */
final class PlanApplier {

    private static final int BATCH = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ContactCipher cipher;

    PlanApplier(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    void apply(RosterChanges changes, ProgressListener progress) {
        // Links first, so that removing a student and re-linking his guardian elsewhere never collide.
        batch("links", "delete from guardian_student where student_id = :student and guardian_id = :guardian",
                changes.linksRemoved(), l -> new MapSqlParameterSource("student", l.studentId())
                        .addValue("guardian", l.guardianId()), progress);
        // guardian_student rows of a removed student go with it (on delete cascade).
        batch("students", "delete from student where id = :id", changes.studentsRemoved(),
                s -> new MapSqlParameterSource("id", s.id()), progress);
        batch("students", "update student set name = :name, class_id = :cls where id = :id", changes.studentsChanged(),
                s -> new MapSqlParameterSource("id", s.id()).addValue("name", s.name())
                        .addValue("cls", s.schoolClass().id()), progress);
        batch("students", "insert into student (class_id, student_no, name) values (:cls, :no, :name)",
                changes.studentsAdded(), s -> new MapSqlParameterSource("cls", s.schoolClass().id())
                        .addValue("no", s.studentNo()).addValue("name", s.name()), progress);
        Map<String, Long> studentIds = newStudentIds(changes.studentsAdded());

        batch("guardians", """
                update guardian set name = :name,
                       email_enc = case when :emailChanged then :email else email_enc end
                where id = :id""",
                changes.guardiansChanged(), this::guardianUpdate, progress);
        batch("guardians", """
                insert into guardian (name, mobile_enc, mobile_hash, email_enc)
                values (:name, :mobileEnc, :mobileHash, :email)""",
                changes.guardiansAdded(), g -> new MapSqlParameterSource("name", g.name())
                        .addValue("mobileEnc", cipher.encrypt(g.mobile().e164()), Types.BINARY)
                        .addValue("mobileHash", g.mobileHash(), Types.BINARY)
                        .addValue("email", cipher.encrypt(g.email()), Types.BINARY), progress);
        Map<String, Long> guardianIds = newGuardianIds(changes.guardiansAdded());

        batch("links", "update guardian_student set relation = :relation where student_id = :student and guardian_id = :guardian",
                changes.linksChanged(), l -> new MapSqlParameterSource("student", l.studentId())
                        .addValue("guardian", l.guardianId()).addValue("relation", l.relation()), progress);
        batch("links", "insert into guardian_student (guardian_id, student_id, relation) values (:guardian, :student, :relation)",
                changes.linksAdded(), l -> linkInsert(l, studentIds, guardianIds), progress);
    }

    private SqlParameterSource guardianUpdate(ChangedGuardian g) {
        return new MapSqlParameterSource("id", g.id()).addValue("name", g.name())
                .addValue("emailChanged", g.emailChanged(), Types.BOOLEAN)
                .addValue("email", g.emailChanged() ? cipher.encrypt(g.email()) : null, Types.BINARY);
    }

    private static SqlParameterSource linkInsert(NewLink link, Map<String, Long> studentIds,
            Map<String, Long> guardianIds) {
        long student = link.studentId() != null ? link.studentId() : studentIds.get(link.studentNo());
        long guardian = link.guardianId() != null ? link.guardianId() : guardianIds.get(link.mobileHash());
        return new MapSqlParameterSource("student", student).addValue("guardian", guardian)
                .addValue("relation", link.relation());
    }

    private Map<String, Long> newStudentIds(List<NewStudent> added) {
        Map<String, Long> ids = new HashMap<>();
        if (!added.isEmpty()) {
            Object[] numbers = added.stream().map(NewStudent::studentNo).toArray();
            jdbc.getJdbcOperations().query("select id, student_no from student where student_no = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", numbers)),
                    rs -> {
                        ids.put(rs.getString("student_no"), rs.getLong("id"));
                    });
        }
        return ids;
    }

    private Map<String, Long> newGuardianIds(List<NewGuardian> added) {
        Map<String, Long> ids = new HashMap<>();
        if (!added.isEmpty()) {
            byte[][] hashes = added.stream().map(NewGuardian::mobileHash).toArray(byte[][]::new);
            jdbc.getJdbcOperations().query("select id, mobile_hash from guardian where mobile_hash = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bytea", hashes)),
                    rs -> {
                        ids.put(RosterSnapshot.hex(rs.getBytes("mobile_hash")), rs.getLong("id"));
                    });
        }
        return ids;
    }

    private <T> void batch(String phase, String sql, List<T> items, Function<T, SqlParameterSource> params,
            ProgressListener progress) {
        for (int from = 0; from < items.size(); from += BATCH) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + BATCH));
            jdbc.batchUpdate(sql, chunk.stream().map(params).toArray(SqlParameterSource[]::new));
            progress.progress(phase, from + chunk.size(), items.size());
        }
    }
}

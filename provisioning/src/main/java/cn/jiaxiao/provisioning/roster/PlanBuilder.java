package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.roster.RosterChanges.ChangedGuardian;
import cn.jiaxiao.provisioning.roster.RosterChanges.ChangedLink;
import cn.jiaxiao.provisioning.roster.RosterChanges.ChangedStudent;
import cn.jiaxiao.provisioning.roster.RosterChanges.NewGuardian;
import cn.jiaxiao.provisioning.roster.RosterChanges.NewLink;
import cn.jiaxiao.provisioning.roster.RosterChanges.NewStudent;
import cn.jiaxiao.provisioning.roster.RosterChanges.RemovedLink;
import cn.jiaxiao.provisioning.roster.RosterChanges.RemovedStudent;
import cn.jiaxiao.provisioning.roster.ValidatedRoster.ValidLine;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the valid lines of a file with the database and lists the changes that make the database say
 * what the file says, within the importer's scope.
 *
 * <p>Removal is deliberately narrow: a student goes only when his class appears in the file (at least once)
 * and he doesn't; a grade leader uploading 7-1's list alone must not empty 7-2. A guardian link goes when a
 * listed student's lines no longer name that guardian. Guardians themselves are never removed: sent-message
 * archives refer to them, and they may have children elsewhere.
 */
final class PlanBuilder {

    private final ClassDirectory classes;

    PlanBuilder(ClassDirectory classes) {
        this.classes = classes;
    }

    /** Returns the changes; adds to {@code errors} what only the database reveals. */
    RosterChanges build(ValidatedRoster roster, RosterSnapshot snapshot, Map<String, byte[]> hashes,
            List<LineError> errors, ProgressListener progress) {
        Map<String, ValidLine> firstLines = new LinkedHashMap<>();
        for (ValidLine line : roster.lines()) {
            firstLines.putIfAbsent(line.line().studentNo(), line);
        }
        Set<String> refused = new HashSet<>();
        List<NewStudent> studentsAdded = new ArrayList<>();
        List<ChangedStudent> studentsChanged = new ArrayList<>();
        for (ValidLine first : firstLines.values()) {
            RosterLine line = first.line();
            RosterSnapshot.Student existing = snapshot.student(line.studentNo());
            if (existing == null) {
                studentsAdded.add(new NewStudent(line.studentNo(), line.studentName(), first.schoolClass()));
                continue;
            }
            Unit before = classes.byId(existing.classId());
            if (!classes.inScope(before)) {
                errors.add(new LineError(line.lineNo(), RosterColumn.STUDENT_NO.key, "学号 " + line.studentNo()
                        + " 已属于您管理范围外的班级“" + before.name() + "”，不能在此修改"));
                refused.add(line.studentNo());
            } else if (!existing.name().equals(line.studentName()) || existing.classId() != first.schoolClass().id()) {
                studentsChanged.add(new ChangedStudent(existing.id(), line.studentNo(), existing.name(),
                        line.studentName(), before, first.schoolClass()));
            }
        }
        progress.progress("plan", 1, 3);

        List<RemovedStudent> studentsRemoved = snapshot.students().stream()
                .filter(s -> roster.coveredClassIds().contains(s.classId()))
                .filter(s -> !roster.listedStudentNos().contains(s.studentNo()))
                .sorted(Comparator.comparing(RosterSnapshot.Student::studentNo))
                .map(s -> new RemovedStudent(s.id(), s.studentNo(), s.name(), classes.byId(s.classId())))
                .toList();

        List<NewGuardian> guardiansAdded = new ArrayList<>();
        List<ChangedGuardian> guardiansChanged = new ArrayList<>();
        Set<String> seenMobiles = new HashSet<>();
        for (ValidLine line : roster.lines()) {
            if (line.mobile() == null || refused.contains(line.line().studentNo())
                    || !seenMobiles.add(line.mobile().e164())) {
                continue;
            }
            byte[] hash = hashes.get(line.mobile().e164());
            String name = line.line().guardianName();
            String email = roster.emailByMobile().get(line.mobile().e164());
            RosterSnapshot.Guardian existing = snapshot.guardian(RosterSnapshot.hex(hash));
            if (existing == null) {
                guardiansAdded.add(new NewGuardian(line.mobile(), hash, name, email));
                continue;
            }
            // Without an e-mail column the file says nothing about addresses: keep what is stored.
            boolean emailChanged = roster.emailColumn() && !Objects.equals(existing.email(), email);
            if (emailChanged || !existing.name().equals(name)) {
                guardiansChanged.add(new ChangedGuardian(existing.id(), line.mobile(), existing.name(), name,
                        existing.email(), roster.emailColumn() ? email : existing.email(), emailChanged));
            }
        }
        progress.progress("plan", 2, 3);

        List<NewLink> linksAdded = new ArrayList<>();
        List<ChangedLink> linksChanged = new ArrayList<>();
        List<RemovedLink> linksRemoved = new ArrayList<>();
        if (roster.guardianColumns()) {
            Map<String, Set<String>> fileMobilesByStudent = new HashMap<>();
            for (ValidLine line : roster.lines()) {
                String studentNo = line.line().studentNo();
                if (line.mobile() == null || refused.contains(studentNo)) {
                    continue;
                }
                String hash = RosterSnapshot.hex(hashes.get(line.mobile().e164()));
                fileMobilesByStudent.computeIfAbsent(studentNo, no -> new HashSet<>()).add(hash);
                RosterSnapshot.Student student = snapshot.student(studentNo);
                RosterSnapshot.Guardian guardian = snapshot.guardian(hash);
                RosterSnapshot.Link existing = student == null || guardian == null ? null
                        : linkOf(snapshot, student.id(), guardian.id());
                if (existing == null) {
                    linksAdded.add(new NewLink(studentNo, line.line().studentName(),
                            student == null ? null : student.id(), line.mobile(), hash,
                            guardian == null ? null : guardian.id(), line.line().guardianName(), line.relation()));
                } else if (!existing.relation().equals(line.relation())) {
                    linksChanged.add(new ChangedLink(student.id(), guardian.id(), studentNo,
                            line.line().studentName(), line.line().guardianName(), line.mobile(), existing.relation(),
                            line.relation()));
                }
            }
            for (String studentNo : firstLines.keySet()) {
                RosterSnapshot.Student student = snapshot.student(studentNo);
                // A student with a bad line keeps his links: the bad line may be the guardian we'd drop.
                if (student == null || refused.contains(studentNo) || roster.studentNosWithErrors().contains(studentNo)) {
                    continue;
                }
                Set<String> listed = fileMobilesByStudent.getOrDefault(studentNo, Set.of());
                for (RosterSnapshot.Link link : snapshot.links(student.id())) {
                    if (link.mobileHash() == null || !listed.contains(link.mobileHash())) {
                        linksRemoved.add(new RemovedLink(student.id(), link.guardianId(), studentNo,
                                firstLines.get(studentNo).line().studentName(), link.guardianName(), link.mobileEnc(),
                                link.relation()));
                    }
                }
            }
        }
        progress.progress("plan", 3, 3);
        return new RosterChanges(studentsAdded, studentsChanged, studentsRemoved, guardiansAdded, guardiansChanged,
                linksAdded, linksChanged, linksRemoved);
    }

    private static RosterSnapshot.Link linkOf(RosterSnapshot snapshot, long studentId, long guardianId) {
        for (RosterSnapshot.Link link : snapshot.links(studentId)) {
            if (link.guardianId() == guardianId) {
                return link;
            }
        }
        return null;
    }
}

package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.provisioning.contact.MobileNumber;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.List;
import java.util.function.Function;

/**
 * Every change an import makes, complete and with the ids the writes need; {@link ImportPlan} is its capped,
 * masked face for the user.
 */
record RosterChanges(List<NewStudent> studentsAdded, List<ChangedStudent> studentsChanged,
        List<RemovedStudent> studentsRemoved, List<NewGuardian> guardiansAdded,
        List<ChangedGuardian> guardiansChanged, List<NewLink> linksAdded, List<ChangedLink> linksChanged,
        List<RemovedLink> linksRemoved) {

    record NewStudent(String studentNo, String name, Unit schoolClass) {
    }

    record ChangedStudent(long id, String studentNo, String nameBefore, String name, Unit classBefore,
            Unit schoolClass) {
    }

    record RemovedStudent(long id, String studentNo, String name, Unit schoolClass) {
    }

    record NewGuardian(MobileNumber mobile, byte[] mobileHash, String name, String email) {
    }

    /** {@code emailChanged} false: the stored address stays as it is. */
    record ChangedGuardian(long id, MobileNumber mobile, String nameBefore, String name, String emailBefore,
            String email, boolean emailChanged) {
    }

    /** Ids are {@code null} for a student or guardian the same import adds. */
    record NewLink(String studentNo, String studentName, Long studentId, MobileNumber mobile, String mobileHash,
            Long guardianId, String guardianName, String relation) {
    }

    record ChangedLink(long studentId, long guardianId, String studentNo, String studentName, String guardianName,
            MobileNumber mobile, String relationBefore, String relation) {
    }

    record RemovedLink(long studentId, long guardianId, String studentNo, String studentName, String guardianName,
            byte[] mobileEnc, String relation) {
    }

    int size() {
        return studentsAdded.size() + studentsChanged.size() + studentsRemoved.size() + guardiansAdded.size()
                + guardiansChanged.size() + linksAdded.size() + linksChanged.size() + linksRemoved.size();
    }

    ImportPlan toPlan(Unit scope, int linesRead, List<String> coveredClasses, List<LineError> errors,
            List<LineError> warnings, ContactCipher cipher) {
        return new ImportPlan(scope.code(), scope.name(), linesRead, coveredClasses, errors, warnings,
                section(studentsAdded, s -> new ImportPlan.StudentItem(s.studentNo(), s.name(),
                        s.schoolClass().code(), s.schoolClass().name())),
                section(studentsChanged, s -> new ImportPlan.StudentChange(s.studentNo(), s.nameBefore(), s.name(),
                        s.classBefore().code(), s.schoolClass().code())),
                section(studentsRemoved, s -> new ImportPlan.StudentItem(s.studentNo(), s.name(),
                        s.schoolClass().code(), s.schoolClass().name())),
                section(guardiansAdded, g -> new ImportPlan.GuardianItem(g.name(), g.mobile().masked(),
                        Masks.email(g.email()))),
                section(guardiansChanged, g -> new ImportPlan.GuardianChange(g.mobile().masked(), g.nameBefore(),
                        g.name(), Masks.email(g.emailBefore()), Masks.email(g.email()))),
                section(linksAdded, l -> new ImportPlan.LinkItem(l.studentNo(), l.studentName(), l.guardianName(),
                        l.mobile().masked(), l.relation())),
                section(linksChanged, l -> new ImportPlan.LinkChange(l.studentNo(), l.studentName(),
                        l.guardianName(), l.mobile().masked(), l.relationBefore(), l.relation())),
                // Only the listed few are decrypted, to be masked again.
                section(linksRemoved, l -> new ImportPlan.LinkItem(l.studentNo(), l.studentName(), l.guardianName(),
                        MobileNumber.mask(cipher.decrypt(l.mobileEnc())), l.relation())));
    }

    private static <T, R> ImportPlan.Section<R> section(List<T> all, Function<T, R> item) {
        List<R> shown = all.stream().limit(ImportPlan.ITEM_CAP).map(item).toList();
        return new ImportPlan.Section<>(all.size(), shown);
    }
}

package cn.jiaxiao.provisioning.roster;

import java.util.List;

/**
 * What an import would do, or did: the changes as counts and (capped) item lists, and the file's problems.
 * Shown to the user as is, so mobile numbers and e-mail addresses appear masked only.
 *
 * @param scopeCode       the unit the import ran for
 * @param linesRead       data lines in the file (header and blank lines not counted)
 * @param coveredClasses  codes of the classes the file speaks for: only their students can be removed
 * @param errors          every invalid line; any error and the import is refused as a whole
 * @param warnings        what is allowed but worth a look (a student without guardian, a repeated line)
 */
public record ImportPlan(String scopeCode, String scopeName, int linesRead, List<String> coveredClasses,
        List<LineError> errors, List<LineError> warnings,
        Section<StudentItem> studentsAdded, Section<StudentChange> studentsChanged,
        Section<StudentItem> studentsRemoved,
        Section<GuardianItem> guardiansAdded, Section<GuardianChange> guardiansChanged,
        Section<LinkItem> linksAdded, Section<LinkChange> linksChanged, Section<LinkItem> linksRemoved) {

    /** How many items of each kind a plan lists; the counts are always complete. */
    public static final int ITEM_CAP = 200;

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** True when applying would change nothing. */
    public boolean isEmpty() {
        return studentsAdded.total() + studentsChanged.total() + studentsRemoved.total() + guardiansAdded.total()
                + guardiansChanged.total() + linksAdded.total() + linksChanged.total() + linksRemoved.total() == 0;
    }

    /** One kind of change: how many in all, and the first {@link #ITEM_CAP} of them. */
    public record Section<T>(int total, List<T> items) {
    }

    public record StudentItem(String studentNo, String name, String classCode, String className) {
    }

    /** A student renamed or moved to another class; unchanged fields are the same before and after. */
    public record StudentChange(String studentNo, String nameBefore, String nameAfter, String classBefore,
            String classAfter) {
    }

    /** {@code mobile} and {@code email} masked. */
    public record GuardianItem(String name, String mobile, String email) {
    }

    public record GuardianChange(String mobile, String nameBefore, String nameAfter, String emailBefore,
            String emailAfter) {
    }

    public record LinkItem(String studentNo, String studentName, String guardianName, String mobile,
            String relation) {
    }

    public record LinkChange(String studentNo, String studentName, String guardianName, String mobile,
            String relationBefore, String relationAfter) {
    }
}

package cn.jiaxiao.provisioning.roster;

/**
 * One data line of a roster file as typed: one (student, guardian) pair. Values are trimmed; blank cells are
 * {@code null}. {@code lineNo} is the line (CSV) or row (XLSX) the user sees, the header being line 1.
 */
public record RosterLine(int lineNo, String classRef, String studentNo, String studentName, String guardianName,
        String relation, String mobile, String email) {

    boolean hasGuardian() {
        return guardianName != null || mobile != null || relation != null || email != null;
    }
}

package cn.jiaxiao.provisioning.roster;

/**
 * A problem with one line of a roster file, for the user: {@code lineNo} as he sees it in the file (header =
 * 1; 0 = the file as a whole), {@code field} the column key ({@code class}, {@code studentNo},
 * {@code studentName}, {@code guardianName}, {@code relation}, {@code mobile}, {@code email}; {@code null} for
 * the whole line) and a reason in Chinese. Never carries a full mobile number.
 */
public record LineError(int lineNo, String field, String reason) {
}

package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The part of the database an import compares its file with, read in a handful of queries up front: the
 * students the file names or whose classes it covers, their guardian links, and the guardians whose mobile
 * numbers the file gives (found through the keyed hash, never by decrypting every number).
 */
final class RosterSnapshot {

    record Student(long id, String studentNo, String name, long classId) {
    }

    /** {@code email} is decrypted only when the file has an e-mail column to compare it with. */
    record Guardian(long id, String name, String email) {
    }

    /** {@code mobileHash} is hex, {@code null} for a guardian without a mobile; {@code mobileEnc} for display. */
    record Link(long studentId, long guardianId, String relation, String guardianName, String mobileHash,
            byte[] mobileEnc) {
    }

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, Student> studentsByNo = new HashMap<>();
    private final Map<String, Guardian> guardiansByHash = new HashMap<>();
    private final Map<Long, List<Link>> linksByStudent = new HashMap<>();

    private RosterSnapshot() {
    }

    static RosterSnapshot load(NamedParameterJdbcTemplate jdbc, ContactCipher cipher, Collection<String> studentNos,
            Collection<Long> classIds, Collection<byte[]> mobileHashes, boolean withEmails) {
        RosterSnapshot snapshot = new RosterSnapshot();
        JdbcOperations ops = jdbc.getJdbcOperations();
        ops.query("select id, student_no, name, class_id from student where student_no = any(?) or class_id = any(?)",
                ps -> {
                    ps.setArray(1, array(ps, "text", studentNos.toArray()));
                    ps.setArray(2, array(ps, "bigint", classIds.toArray()));
                },
                rs -> {
                    Student s = new Student(rs.getLong("id"), rs.getString("student_no"), rs.getString("name"),
                            rs.getLong("class_id"));
                    snapshot.studentsByNo.put(s.studentNo(), s);
                });
        Object[] studentIds = snapshot.studentsByNo.values().stream().map(Student::id).toArray();
        ops.query("""
                select gs.student_id, gs.guardian_id, gs.relation, g.name, g.mobile_hash, g.mobile_enc
                from guardian_student gs join guardian g on g.id = gs.guardian_id
                where gs.student_id = any(?)""",
                ps -> ps.setArray(1, array(ps, "bigint", studentIds)),
                rs -> {
                    byte[] hash = rs.getBytes("mobile_hash");
                    Link link = new Link(rs.getLong("student_id"), rs.getLong("guardian_id"), rs.getString("relation"),
                            rs.getString("name"), hash == null ? null : HEX.formatHex(hash), rs.getBytes("mobile_enc"));
                    snapshot.linksByStudent.computeIfAbsent(link.studentId(), id -> new ArrayList<>()).add(link);
                });
        ops.query("select id, name, mobile_hash, email_enc from guardian where mobile_hash = any(?) order by id",
                ps -> ps.setArray(1, array(ps, "bytea", mobileHashes.toArray(new byte[0][]))),
                rs -> {
                    String email = withEmails ? cipher.decrypt(rs.getBytes("email_enc")) : null;
                    // Before the unique index exists a number might be held twice; the oldest row wins.
                    snapshot.guardiansByHash.putIfAbsent(HEX.formatHex(rs.getBytes("mobile_hash")),
                            new Guardian(rs.getLong("id"), rs.getString("name"), email));
                });
        return snapshot;
    }

    static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    Student student(String studentNo) {
        return studentsByNo.get(studentNo);
    }

    Collection<Student> students() {
        return studentsByNo.values();
    }

    Guardian guardian(String mobileHashHex) {
        return guardiansByHash.get(mobileHashHex);
    }

    List<Link> links(long studentId) {
        return linksByStudent.getOrDefault(studentId, List.of());
    }

    private static Array array(PreparedStatement ps, String type, Object[] values) throws SQLException {
        return ps.getConnection().createArrayOf(type, values);
    }
}

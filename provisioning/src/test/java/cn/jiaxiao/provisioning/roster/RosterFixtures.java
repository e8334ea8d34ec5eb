package cn.jiaxiao.provisioning.roster;

import cn.jiaxiao.provisioning.testing.TestSchool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Roster files for tests: written as CSV or XLSX, or exported from the demo school's current state. */
final class RosterFixtures {

    static final String CHINESE_HEADER = "班级,学号,学生姓名,家长姓名,关系,手机号,邮箱";
    static final String ENGLISH_HEADER = "Class, Student No, Student Name, Guardian Name, Relation, Mobile, E-Mail";

    private RosterFixtures() {
    }

    static RosterImporter importer(TestSchool school) {
        return new RosterImporter(school.jdbc, school.cipher, school.units,
                new TransactionTemplate(new DataSourceTransactionManager(school.database.dataSource())));
    }

    static RosterFile csv(String... lines) {
        return parse("roster.csv", String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    static RosterFile csv(List<String> lines) {
        return csv(lines.toArray(String[]::new));
    }

    static byte[] csvBytes(List<String> lines, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(String.join("\n", lines).getBytes(charset));
        return out.toByteArray();
    }

    static RosterFile parse(String name, byte[] content) {
        try {
            return RosterFile.parse(name, new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An .xlsx whose cells are the given values; {@link Number}s become numeric cells. */
    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "jiaxiao-test", "1.0");
            Worksheet sheet = workbook.newWorksheet("名单");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The current roster of the given classes as CSV lines (Chinese header first), one per (student, guardian),
     * with contact points decrypted: importing it back must change nothing.
     */
    static List<String> export(TestSchool school, String... classCodes) {
        List<String> lines = new ArrayList<>();
        lines.add(CHINESE_HEADER);
        school.jdbc.query("""
                select c.code, s.student_no, s.name as student_name, g.name as guardian_name, gs.relation,
                       g.mobile_enc, g.email_enc
                from student s join unit c on c.id = s.class_id
                left join guardian_student gs on gs.student_id = s.id
                left join guardian g on g.id = gs.guardian_id
                where c.code in (:codes)
                order by s.student_no, g.id""", Map.of("codes", List.of(classCodes)), rs -> {
            String mobile = school.cipher.decrypt(rs.getBytes("mobile_enc"));
            String email = school.cipher.decrypt(rs.getBytes("email_enc"));
            lines.add(String.join(",", rs.getString("code"), rs.getString("student_no"),
                    rs.getString("student_name"), nz(rs.getString("guardian_name")), nz(rs.getString("relation")),
                    mobile == null ? "" : mobile.substring(3), nz(email)));
        });
        return lines;
    }

    /** Rows in student, guardian, guardian_student. */
    static List<Integer> counts(TestSchool school) {
        return List.of(count(school, "student"), count(school, "guardian"), count(school, "guardian_student"));
    }

    static int count(TestSchool school, String table) {
        return school.jdbc.queryForObject("select count(*) from " + table, Map.of(), Integer.class);
    }

    /** The newest transaction id that wrote a row of the roster tables: unchanged means nothing was written. */
    static long lastWrite(TestSchool school) {
        return school.jdbc.queryForObject("""
                select greatest((select max(xmin::text::bigint) from student),
                                (select max(xmin::text::bigint) from guardian),
                                coalesce((select max(xmin::text::bigint) from guardian_student), 0))""",
                Map.of(), Long.class);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}

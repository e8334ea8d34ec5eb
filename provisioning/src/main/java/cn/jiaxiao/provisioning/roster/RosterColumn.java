package cn.jiaxiao.provisioning.roster;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The columns a roster file may have, with the header names schools actually write for them. */
enum RosterColumn {
    CLASS("class", "班级", true, "班级", "班级代码", "class"),
    STUDENT_NO("studentNo", "学号", true, "学号", "student_no", "student number"),
    STUDENT_NAME("studentName", "学生姓名", true, "学生姓名", "姓名", "student name", "student"),
    GUARDIAN_NAME("guardianName", "家长姓名", false, "家长姓名", "监护人", "监护人姓名", "guardian", "guardian name"),
    RELATION("relation", "关系", false, "关系", "与学生关系", "relation"),
    MOBILE("mobile", "手机号", false, "手机", "手机号", "手机号码", "联系电话", "mobile", "phone"),
    EMAIL("email", "邮箱", false, "邮箱", "电子邮箱", "email", "e-mail");

    final String key;
    final String label;
    final boolean required;
    private final List<String> aliases;

    RosterColumn(String key, String label, boolean required, String... aliases) {
        this.key = key;
        this.label = label;
        this.required = required;
        this.aliases = List.of(aliases).stream().map(RosterColumn::normalise).toList();
    }

    static RosterColumn forHeader(String header) {
        String name = normalise(header);
        for (RosterColumn column : values()) {
            if (column.aliases.contains(name)) {
                return column;
            }
        }
        return null;
    }

    static String normalise(String header) {
        String folded = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC);
        return Noise.PATTERN.matcher(folded.replace("\uFEFF", "").toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** In a holder: enum constants are built before the enum's own static fields. */
    private static final class Noise {
        // Full-width forms are folded by NFKC first; then spaces, '_', '-', '*' (the "required" star of
        // templates) and colons don't distinguish names: "Student_No", "student no" and "*学号：" are one column.
        static final Pattern PATTERN = Pattern.compile("[\\s_\\-*:：]+");
    }
}

package cn.jiaxiao.provisioning.roster;

import static cn.jiaxiao.provisioning.roster.RosterFixtures.csv;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.csvBytes;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.parse;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RosterFileTest {

    private static final List<String> CHINESE = List.of(
            RosterFixtures.CHINESE_HEADER,
            "7-1,2025070101,王子涵,王志强,父亲,138 0000 1234,wang@example.com",
            "七年级1班,2025070101,王子涵,李梦瑶,母亲,+86 139-0000-5678,");
    private static final RosterLine FATHER = new RosterLine(2, "7-1", "2025070101", "王子涵", "王志强", "父亲",
            "138 0000 1234", "wang@example.com");
    private static final RosterLine MOTHER = new RosterLine(3, "七年级1班", "2025070101", "王子涵", "李梦瑶", "母亲",
            "+86 139-0000-5678", null);

    @ParameterizedTest
    @CsvSource({"UTF-8, true", "UTF-8, false", "GB18030, false"})
    void readsCsvInTheEncodingsChineseExcelWrites(String charset, boolean bom) {
        RosterFile file = parse("名单.csv", csvBytes(CHINESE, Charset.forName(charset), bom));
        assertThat(file.errors()).isEmpty();
        assertThat(file.lines()).containsExactly(FATHER, MOTHER);
        assertThat(file.hasGuardianColumns()).isTrue();
        assertThat(file.hasEmailColumn()).isTrue();
    }

    @Test
    void acceptsEnglishHeadersWhateverTheirCaseAndSpacing() {
        RosterFile file = csv("CLASS,student_no,  Student Name ,GUARDIAN,relation,Phone,e-mail",
                "7-1,2025070101,王子涵,王志强,父亲,13800001234,");
        assertThat(file.errors()).isEmpty();
        assertThat(file.lines()).extracting(RosterLine::mobile).containsExactly("13800001234");
        RosterFile english = csv(RosterFixtures.ENGLISH_HEADER, "7-1,1,A,B,C,13800001234,x@y.cn");
        assertThat(english.errors()).isEmpty();
        assertThat(english.lines().get(0).email()).isEqualTo("x@y.cn");
    }

    @Test
    void acceptsOtherChineseHeaderNamesAndColumnsInAnyOrder() {
        RosterFile file = csv("手机号码,监护人姓名,与学生关系,姓名,学号,班级代码,电子邮箱,备注",
                "13800001234,王志强,父亲,王子涵,2025070101,7-1,,走读");
        assertThat(file.errors()).isEmpty();
        assertThat(file.lines()).containsExactly(new RosterLine(2, "7-1", "2025070101", "王子涵", "王志强", "父亲",
                "13800001234", null));
    }

    @Test
    void findsTheHeaderBelowATitleRow() {
        RosterFile file = csv("示范中学七年级学生名单,,", "班级,学号,学生姓名", "7-1,2025070101,王子涵");
        assertThat(file.errors()).isEmpty();
        assertThat(file.lines()).containsExactly(new RosterLine(3, "7-1", "2025070101", "王子涵", null, null, null, null));
        assertThat(file.hasGuardianColumns()).isFalse();
    }

    @Test
    void reportsMissingAndRepeatedHeaderColumns() {
        RosterFile file = csv("班级,姓名,学生姓名", "7-1,王子涵,王子涵");
        assertThat(file.lines()).isEmpty();
        assertThat(file.errors()).extracting(LineError::lineNo, LineError::field).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(1, "studentName"), org.assertj.core.groups.Tuple.tuple(1, "studentNo"));
        assertThat(csv("班级,学号,学生姓名,家长姓名", "x").errors())
                .extracting(LineError::field).containsExactly("mobile");
        assertThat(csv("").errors()).extracting(LineError::reason).containsExactly("文件是空的，没有找到表头行");
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksCountingLinesAsAnEditorDoes() {
        RosterFile file = csv("班级,学号,学生姓名,家长姓名,手机号",
                "7-1,1,\"王, 子涵\",\"王\"\"老\"\"爸\",13800001234",
                "7-1,2,\"两行",
                "的名字\",李四,13800001235",
                "",
                "7-1,3,张三,,");
        assertThat(file.errors()).isEmpty();
        assertThat(file.lines()).extracting(RosterLine::lineNo).containsExactly(2, 3, 6);
        assertThat(file.lines().get(0).studentName()).isEqualTo("王, 子涵");
        assertThat(file.lines().get(0).guardianName()).isEqualTo("王\"老\"爸");
        assertThat(file.lines().get(1).studentName()).isEqualTo("两行\r\n的名字");
        assertThat(file.lines().get(2).guardianName()).isNull();
    }

    @Test
    void reportsAnUnclosedQuoteInsteadOfFailing() {
        RosterFile file = csv("班级,学号,学生姓名", "7-1,1,王子涵", "7-1,2,\"李四", "7-1,3,张三");
        assertThat(file.lines()).extracting(RosterLine::lineNo).containsExactly(2);
        assertThat(file.errors()).extracting(LineError::lineNo).containsExactly(3);
    }

    @Test
    void readsTabSeparatedText() {
        RosterFile file = csv("班级\t学号\t学生姓名", "7-1\t1\t王子涵");
        assertThat(file.lines()).extracting(RosterLine::studentName).containsExactly("王子涵");
    }

    @Test
    void readsTheFirstSheetOfAnXlsxWithNumbersAsTheirDigits() {
        byte[] book = xlsx(List.of(
                List.of("班级", "学号", "学生姓名", "家长姓名", "关系", "手机号", "邮箱"),
                List.of("7-1", 2025070101L, "王子涵", "王志强", "父亲", 13800001234L, "wang@example.com"),
                List.of(),
                Arrays.asList("7-2", 2025070201.0, "李梦瑶", "李强", null, 1.3900005678E10, null)));
        RosterFile file = parse("roster.xlsx", book);
        assertThat(file.errors()).isEmpty();
        assertThat(file.lines()).containsExactly(
                new RosterLine(2, "7-1", "2025070101", "王子涵", "王志强", "父亲", "13800001234", "wang@example.com"),
                new RosterLine(4, "7-2", "2025070201", "李梦瑶", "李强", null, "13900005678", null));
        // Recognised by content too, whatever the name says.
        assertThat(parse("upload.bin", book).lines()).hasSize(2);
    }

    @Test
    void reportsDamagedXlsxAndOldXlsAsFileErrors() {
        RosterFile damaged = parse("roster.xlsx", "PK\u0003\u0004 this is not a zip".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(damaged.lines()).isEmpty();
        assertThat(damaged.errors()).singleElement().satisfies(e -> assertThat(e.lineNo()).isZero());
        RosterFile xls = parse("roster.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
        assertThat(xls.errors()).extracting(LineError::reason).singleElement().asString().contains(".xlsx");
    }

    @Test
    void randomBytesAreReportedNeverThrown() {
        Random random = new Random(4711);
        for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[random.nextInt(2_000)];
            random.nextBytes(junk);
            if (i % 3 == 0 && junk.length > 2) {
                junk[0] = 'P';
                junk[1] = 'K';
            }
            RosterFile file = parse(i % 2 == 0 ? "x.csv" : "x.xlsx", junk);
            assertThat(file.lines().size() + file.errors().size()).isPositive();
        }
    }

    @Test
    void randomCsvRowsAreReadNeverThrown() {
        Random random = new Random(815);
        String alphabet = ",,,\"\"\n\r\t 7-1王子涵13800001234@.;";
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder(RosterFixtures.CHINESE_HEADER).append('\n');
            int length = random.nextInt(400);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            RosterFile file = parse("x.csv", text.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(file.lines()).allSatisfy(line -> assertThat(line.lineNo()).isGreaterThan(1));
        }
    }
}

package cn.jiaxiao.provisioning.roster;

import static cn.jiaxiao.provisioning.roster.RosterFixtures.csv;
import static cn.jiaxiao.provisioning.roster.RosterFixtures.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.provisioning.unit.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dry runs against the demo school; nothing here writes, so one database serves all. */
class RosterPlanTest {

    private static TestSchool school;
    private static RosterImporter importer;
    private static Unit wholeSchool;
    private static Unit grade7;

    @BeforeAll
    static void seed() {
        school = new TestSchool();
        importer = RosterFixtures.importer(school);
        wholeSchool = school.units.findByCode("school").orElseThrow();
        grade7 = school.units.findByCode("g7").orElseThrow();
    }

    @Test
    void reportsEveryInvalidLineWithItsNumberFieldAndReason() {
        RosterFile file = csv(RosterFixtures.CHINESE_HEADER,
                "7-1,2025079901,新生甲,新家长甲,父亲,13812340001,a@example.com",
                "7-1,2025079902,新生乙,新家长乙,母亲,12345678901,",
                "9-9,2025079903,新生丙,,,,",
                ",,,,,13812340002,",
                "7-2,2025079901,新生甲,新家长甲,父亲,13812340001,",
                "7-1,2025079904,新生丁,新家长丁,这是一个非常非常非常非常非常非常长的关系描述超过二十字,13812340003,",
                "7-1,2025079905,新生戊,另一个名字,父亲,13812340001,",
                "7-1,2025079906,新生己,新家长己,父亲,13812340004,not-an-email",
                "g7,2025079907,新生庚,,,,",
                "7-1,2025079908,新生辛,,,,");

        ImportPlan plan = importer.plan(file, wholeSchool);

        assertThat(plan.errors()).extracting(LineError::lineNo, LineError::field).containsExactly(
                tuple(3, "mobile"), tuple(4, "class"),
                tuple(5, "class"), tuple(5, "studentNo"), tuple(5, "studentName"), tuple(5, "guardianName"),
                tuple(6, "studentNo"), tuple(7, "relation"), tuple(8, "guardianName"), tuple(9, "email"),
                tuple(10, "class"));
        assertThat(plan.errors()).extracting(LineError::reason).contains(
                "手机号格式不正确，应为中国大陆 11 位手机号", "班级“9-9”不存在", "“七年级”不是班级",
                "学号重复：学号 2025079901 在第 2 行是七年级1班的“新生甲”，与本行不一致",
                "手机号 138****0001 在第 2 行登记的家长是“新家长甲”，与本行“另一个名字”不一致（一个手机号只能对应一位家长）");
        assertThat(plan.errors()).extracting(LineError::reason)
                .noneMatch(reason -> reason.matches(".*1\\d{10}.*"));
        assertThat(plan.warnings()).extracting(LineError::lineNo, LineError::field)
                .containsExactly(tuple(11, "guardianName"));
        assertThat(plan.hasErrors()).isTrue();
        // The valid lines still make a full diff, to be looked at before fixing the file.
        assertThat(plan.studentsAdded().items()).extracting(ImportPlan.StudentItem::studentNo)
                .containsExactly("2025079901", "2025079908");
        assertThat(plan.guardiansAdded().items()).singleElement()
                .isEqualTo(new ImportPlan.GuardianItem("新家长甲", "138****0001", "a***@example.com"));
        assertThat(plan.coveredClasses()).containsExactly("7-1", "7-2");
        assertThat(plan.studentsRemoved().total()).isEqualTo(80);
    }

    @Test
    void theDryRunWritesNothing() {
        List<Integer> before = RosterFixtures.counts(school);
        long lastWrite = RosterFixtures.lastWrite(school);
        List<String> lines = new ArrayList<>(export(school, "7-1"));
        lines.add("7-1,2025079999,新同学,新家长,父亲,13812349999,");
        lines.remove(1);

        ImportPlan plan = importer.plan(csv(lines), wholeSchool);

        assertThat(plan.studentsAdded().total()).isEqualTo(1);
        assertThat(plan.isEmpty()).isFalse();
        assertThat(RosterFixtures.counts(school)).isEqualTo(before);
        assertThat(RosterFixtures.lastWrite(school)).isEqualTo(lastWrite);
    }

    @Test
    void theCurrentRosterPlansNoChange() {
        ImportPlan plan = importer.plan(csv(export(school, "7-1", "7-2", "8-1")), wholeSchool);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.linesRead()).isGreaterThan(120);
    }

    @Test
    void removesOnlyFromClassesTheFileMentions() {
        List<String> lines = new ArrayList<>(export(school, "7-1"));
        lines.removeIf(line -> line.contains(",2025070105,"));

        ImportPlan plan = importer.plan(csv(lines), wholeSchool);

        assertThat(plan.studentsRemoved().items()).extracting(ImportPlan.StudentItem::studentNo)
                .containsExactly("2025070105");
        assertThat(plan.studentsRemoved().total()).isEqualTo(1);
        assertThat(plan.coveredClasses()).containsExactly("7-1");
        assertThat(plan.linksRemoved().total()).isZero();
    }

    @Test
    void aFileWithoutGuardianColumnsLeavesGuardiansAlone() {
        List<String> lines = new ArrayList<>(List.of("班级,学号,学生姓名"));
        export(school, "7-1").stream().skip(1).map(line -> String.join(",", List.of(line.split(",", -1)).subList(0, 3)))
                .distinct().forEach(lines::add);
        ImportPlan plan = importer.plan(csv(lines), wholeSchool);
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aGradeScopeCannotReachAnotherGradesClassOrStudent() {
        RosterFile file = csv(RosterFixtures.CHINESE_HEADER,
                "8-1,2024089901,八年级新生,家长,父亲,13812345001,",
                "7-1,2024080101,搬来的学生,家长乙,母亲,13812345002,");

        ImportPlan plan = importer.plan(file, grade7);

        assertThat(plan.errors()).extracting(LineError::lineNo, LineError::field)
                .containsExactly(tuple(2, "class"), tuple(3, "studentNo"));
        assertThat(plan.errors().get(0).reason()).contains("不在您的管理范围（七年级）内");
        assertThat(plan.errors().get(1).reason()).contains("八年级1班");
        assertThat(plan.studentsChanged().total()).isZero();
        assertThat(plan.studentsRemoved().items()).allMatch(s -> s.classCode().equals("7-1"));
    }

    @Test
    void aMobileIsShownMaskedEverywhereInThePlan() {
        List<String> lines = new ArrayList<>(export(school, "7-1"));
        lines.set(1, lines.get(1).replaceFirst(",1380000\\d{4},", ",13712345678,"));
        ImportPlan plan = importer.plan(csv(lines), wholeSchool);
        assertThat(plan.guardiansAdded().items()).extracting(ImportPlan.GuardianItem::mobile)
                .containsExactly("137****5678");
        assertThat(plan.linksRemoved().items()).singleElement()
                .satisfies(link -> assertThat(link.mobile()).matches("138\\*{4}\\d{4}"));
        assertThat(plan.toString()).doesNotContainPattern("1[3-9]\\d{9}");
    }

    @Test
    void randomRowsArePlannedOrReportedNeverThrown() {
        Random random = new Random(99);
        String[] classes = {"7-1", "7-2", "8-1", "g7", "", "七年级1班", "x"};
        String[] numbers = {"2025070101", "2025070102", "1", "", "2024080101", "abc"};
        String[] mobiles = {"13800000001", "13800000002", "1", "", "+8613812345678", "abc", "138000000011"};
        for (int i = 0; i < 30; i++) {
            List<String> lines = new ArrayList<>(List.of(RosterFixtures.CHINESE_HEADER));
            for (int n = random.nextInt(20); n > 0; n--) {
                lines.add(String.join(",", pick(random, classes), pick(random, numbers), pick(random, "甲", "乙", ""),
                        pick(random, "父", "母", ""), pick(random, "父亲", ""), pick(random, mobiles),
                        pick(random, "", "a@b.cn", "@")));
            }
            ImportPlan plan = importer.plan(csv(lines), random.nextBoolean() ? wholeSchool : grade7);
            assertThat(plan.linesRead()).isEqualTo(lines.size() - 1 - (int) lines.stream().skip(1)
                    .filter(l -> l.replace(",", "").isBlank()).count());
        }
    }

    @Test
    void aChangedRelationIsALinkChange() {
        List<String> lines = new ArrayList<>(export(school, "7-1"));
        lines.set(1, lines.get(1).replace(",父亲,", ",爸爸,"));
        ImportPlan plan = importer.plan(csv(lines), wholeSchool);
        assertThat(plan.linksChanged().items()).singleElement().satisfies(link -> {
            assertThat(link.relationBefore()).isEqualTo("父亲");
            assertThat(link.relationAfter()).isEqualTo("爸爸");
        });
        assertThat(plan.linksChanged().total()).isEqualTo(1);
        assertThat(plan.linksAdded().total() + plan.linksRemoved().total()).isZero();
    }

    @Test
    void aRepeatedLineIsAWarningNotAChange() {
        List<String> lines = new ArrayList<>(export(school, "7-1"));
        lines.add(lines.get(1));
        ImportPlan plan = importer.plan(csv(lines), wholeSchool);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.warnings()).extracting(LineError::lineNo).containsExactly(lines.size());
    }

    @Test
    void withoutAnEmailColumnStoredAddressesAreKept() {
        List<String> lines = export(school, "7-1").stream()
                .map(line -> line.substring(0, line.lastIndexOf(','))).toList();
        ImportPlan plan = importer.plan(csv(lines), wholeSchool);
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.isEmpty()).isTrue();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}

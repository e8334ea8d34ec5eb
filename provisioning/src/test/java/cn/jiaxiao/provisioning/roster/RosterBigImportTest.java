package cn.jiaxiao.provisioning.roster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.provisioning.testing.TestSchool;
import cn.jiaxiao.provisioning.unit.Unit;
import cn.jiaxiao.provisioning.unit.UnitKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A large school's roster: 5,000 students, 9,000 guardians, in 100 classes. */
class RosterBigImportTest {

    private static final int CLASSES = 100;
    private static final int STUDENTS_PER_CLASS = 50;
    private static final int WITH_TWO_GUARDIANS = 4_000;

    @Test
    void fiveThousandStudentsWithNineThousandGuardiansImportWellWithinTheTarget() throws Exception {
        TestSchool school = new TestSchool();
        RosterImporter importer = RosterFixtures.importer(school);
        Unit wholeSchool = school.units.findByCode("school").orElseThrow();
        Unit grade9 = school.units.create("g9", "九年级", UnitKind.GRADE, wholeSchool);
        for (int c = 1; c <= CLASSES; c++) {
            school.units.create("9-" + c, "九年级" + c + "班", UnitKind.CLASS, grade9);
        }
        byte[] content = generate();
        AtomicInteger progressCalls = new AtomicInteger();
        ProgressListener progress = (phase, done, total) -> progressCalls.incrementAndGet();

        long t0 = System.nanoTime();
        RosterFile file = RosterFile.parse("big.csv", new java.io.ByteArrayInputStream(content), progress);
        long t1 = System.nanoTime();
        ImportPlan plan = importer.plan(file, wholeSchool, progress);
        long t2 = System.nanoTime();
        ImportPlan applied = importer.apply(file, wholeSchool, progress);
        long t3 = System.nanoTime();
        ImportPlan again = importer.plan(file, wholeSchool);
        long t4 = System.nanoTime();

        System.out.printf("Roster import of %d lines: parse %d ms, plan %d ms, apply (re-plan + write) %d ms, "
                        + "re-plan of the applied file %d ms; %d progress calls%n", file.lines().size(), ms(t1 - t0),
                ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), progressCalls.get());

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.studentsAdded().total()).isEqualTo(CLASSES * STUDENTS_PER_CLASS);
        assertThat(plan.studentsAdded().items()).hasSize(ImportPlan.ITEM_CAP);
        assertThat(plan.guardiansAdded().total()).isEqualTo(9_000);
        assertThat(plan.linksAdded().total()).isEqualTo(9_000);
        assertThat(applied.studentsAdded().total()).isEqualTo(5_000);
        assertThat(again.isEmpty()).isTrue();
        assertThat(RosterFixtures.count(school, "student")).isEqualTo(120 + 5_000);
        assertThat(progressCalls.get()).isGreaterThan(20);
        assertThat(Duration.ofNanos(t3 - t0)).isLessThan(Duration.ofSeconds(25));
    }

    private static byte[] generate() {
        List<String> lines = new ArrayList<>(List.of(RosterFixtures.CHINESE_HEADER));
        int student = 0;
        int guardian = 0;
        for (int c = 1; c <= CLASSES; c++) {
            for (int s = 1; s <= STUDENTS_PER_CLASS; s++) {
                student++;
                String studentCells = "9-" + c + "," + String.format("2023%02d%03d", c, s) + ",学生" + student;
                int guardians = student <= WITH_TWO_GUARDIANS ? 2 : 1;
                for (int g = 0; g < guardians; g++) {
                    guardian++;
                    String email = guardian % 3 == 0 ? "" : "parent" + guardian + "@example.com";
                    lines.add(studentCells + ",家长" + guardian + "," + (g == 0 ? "父亲" : "母亲") + ","
                            + String.format("1500%07d", guardian) + "," + email);
                }
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

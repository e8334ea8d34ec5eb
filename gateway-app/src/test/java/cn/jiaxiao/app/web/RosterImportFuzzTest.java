package cn.jiaxiao.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.jiaxiao.app.support.GatewayTest;
import cn.jiaxiao.app.support.RawHttp;
import cn.jiaxiao.provisioning.unit.UnitKind;
import cn.jiaxiao.provisioning.unit.UnitRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Random bytes and damaged CSV/XLSX files to the roster import: never a 500, problems as problem+json,
 * and an import either applies whole (DONE) or writes nothing (REJECTED). Seeded;
 * {@code -Djiaxiao.fuzz.runs=500} for more.
 */
class RosterImportFuzzTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = Integer.getInteger("jiaxiao.fuzz.runs", 40);
    private static final long SEED = Long.getLong("jiaxiao.fuzz.seed", 20_240_610L);
    private static final String HEADER = "班级,学号,学生姓名,家长姓名,关系,手机,邮箱";

    @Autowired
    UnitRepository units;

    @Test
    void damagedRosterFilesNeverFailTheServerNorImportHalfway() throws Exception {
        Random random = new Random(SEED);
        String classCode = "9-" + (System.nanoTime() % 100000);
        units.create(classCode, "模糊测试班" + classCode, UnitKind.CLASS, units.findByCode("g8").orElseThrow());
        String prefix = "F" + classCode.replace("-", "");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 5; i++) {
            csv.append(classCode).append(',').append(prefix).append(i).append(",学生").append(i).append(",家长").append(i)
                    .append(",母亲,1360000").append(String.format("%04d", 1000 + i)).append(",\n");
        }
        byte[] validCsv = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] validXlsx = xlsx(csv.toString());

        for (int i = 0; i < RUNS; i++) {
            boolean xlsx = random.nextBoolean();
            byte[] file = mutate(random, xlsx ? validXlsx : validCsv);
            boolean dryRun = random.nextInt(3) == 0;
            long before = rosterRows();
            RawHttp.Answer answer = upload(file, xlsx ? "roster.xlsx" : "roster.csv", dryRun);
            String what = "run " + i + (xlsx ? " xlsx" : " csv") + (dryRun ? " dry" : "") + " -> " + answer.status()
                    + " " + answer.body();
            assertThat(answer.status()).as(what).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
                assertThat(rosterRows()).as(what).isEqualTo(before);
                continue;
            }
            if (dryRun) {
                assertThat(rosterRows()).as("a dry run writes nothing: " + what).isEqualTo(before);
                continue;
            }
            String id = JSON.readTree(answer.body()).path("id").asText();
            JsonNode job = await().atMost(Duration.ofSeconds(30)).until(
                    () -> JSON.readTree(new RawHttp(port).get("affairs", "/api/roster/imports/" + id).body()),
                    j -> !j.path("state").asText().equals("RUNNING"));
            if (!job.path("state").asText().equals("DONE")) {
                assertThat(rosterRows()).as("rejected imports write nothing: " + what + " " + job).isEqualTo(before);
            }
        }
    }

    private long rosterRows() {
        return jdbc.queryForObject("select (select count(*) from student) + (select count(*) from guardian)"
                + " + (select count(*) from guardian_student)", Map.of(), Long.class);
    }

    private static byte[] mutate(Random random, byte[] valid) {
        byte[] out;
        switch (random.nextInt(6)) {
            case 0 -> {
                out = new byte[random.nextInt(4096)];
                random.nextBytes(out);
            }
            case 1 -> out = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            case 2, 3 -> {
                out = valid.clone();
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            case 4 -> {
                // a valid file with a text line of odd content added (CSV) or bytes appended (XLSX)
                String odd = List.of("\"unterminated,a,b", ",,,,,,", "9-1,,,,,,", "=cmd|' /C calc'!A0,1,2,3,4,5,6",
                        "\uFEFF班级", "a".repeat(5000), "7-1,X1,张三,张父,父亲,138001380000000,x@").get(random.nextInt(7));
                out = (new String(valid, StandardCharsets.ISO_8859_1) + odd + "\n").getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> out = valid.clone();
        }
        return out;
    }

    private RawHttp.Answer upload(byte[] file, String name, boolean dryRun) {
        String boundary = "----jiaxiaofuzz" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new RawHttp(port).send("affairs", "POST", "/api/roster/imports?dryRun=" + dryRun,
                "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private static byte[] xlsx(String csv) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "jiaxiao-test", "1.0");
        Worksheet sheet = workbook.newWorksheet("名单");
        String[] lines = csv.split("\n");
        for (int r = 0; r < lines.length; r++) {
            String[] cells = lines[r].split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                sheet.value(r, c, cells[c]);
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}

package cn.jiaxiao.filter.personal;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataTest {

    private static final ContentChecker CHECKER = ContentChecker.builder()
            .schoolNumbers(Set.of("13900001111", "+86 139 0000 2222")).build();

    private static String validId(String first17) {
        return first17 + IdCardNumbers.checkChar(first17);
    }

    @Test
    void idCardChecksum() {
        assertThat(IdCardNumbers.isValid("11010519491231002X")).isTrue();
        assertThat(IdCardNumbers.isValid("11010519491231002x")).isTrue();
        assertThat(IdCardNumbers.isValid("110105194912310021")).isFalse();
        assertThat(IdCardNumbers.isValid("1101051949123100")).isFalse();
        assertThat(IdCardNumbers.isValid(validId("43062620121399123"))).isFalse(); // month 13
    }

    @Test
    void idCardInTextBlocksWithExactSpan() {
        String id = validId("43062620120315123");
        String text = "学生身份证号：" + id + "，请核对";
        Finding f = CHECKER.check(text).findings().get(0);
        assertThat(f.rule()).isEqualTo("personal.id-card");
        assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        assertThat(f.match()).isEqualTo(id);
    }

    @Test
    void fullWidthIdCardDigits() {
        String id = validId("43062620120315123");
        StringBuilder fw = new StringBuilder();
        for (char c : id.toCharArray()) {
            fw.append(c == 'X' ? 'Ｘ' : (char) ('０' + (c - '0')));
        }
        assertThat(CHECKER.check("身份证" + fw).verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void randomEighteenDigitNumbersRarelyTrigger() {
        Random r = new Random(7);
        int flagged = 0;
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 18; k++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            CheckResult res = CHECKER.check("订单号" + sb);
            if (res.findings().stream().anyMatch(f -> f.rule().equals("personal.id-card"))) {
                flagged++;
            }
        }
        // check character alone would pass ~9%; date plausibility cuts it well below that
        assertThat(flagged).isLessThan(40);
    }

    @Test
    void luhn() {
        assertThat(Luhn.isValid("4539578763621486")).isTrue();
        assertThat(Luhn.isValid("4539578763621487")).isFalse();
        assertThat(Luhn.isValid("79927398713")).isTrue();
        assertThat(Luhn.isValid("")).isFalse();
        assertThat(Luhn.isValid("12a4")).isFalse();
    }

    @Test
    void bankCardWithLuhn() {
        String card = "622202123456789012";
        card = card + Luhn.checkDigit(card);
        CheckResult r = CHECKER.check("退款转入卡号" + card);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings().get(0).rule()).isEqualTo("personal.bank-card");
        String spaced = card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                + card.substring(12);
        assertThat(CHECKER.check("卡号 " + spaced).findings().get(0).match()).isEqualTo(spaced);
        String broken = card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10);
        assertThat(CHECKER.check("卡号" + broken).findings()).isEmpty();
    }

    @Test
    void mobileNumbersOtherThanTheSchoolsWarn() {
        Finding f = CHECKER.check("请联系13812345678").findings().get(0);
        assertThat(f.rule()).isEqualTo("personal.mobile");
        assertThat(f.severity()).isEqualTo(Severity.WARN);
        assertThat(CHECKER.check("学校电话13900001111").findings()).isEmpty();
        assertThat(CHECKER.check("学校电话139-0000-2222").findings()).isEmpty();
        assertThat(CHECKER.check("请联系138 1234 5678").findings()).hasSize(1);
    }

    @Test
    void healthNextToAStudentsName() {
        CheckResult r = CHECKER.check("王芳同学患有癫痫，请大家注意");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings().get(0).rule()).isEqualTo("personal.health");
        assertThat(CHECKER.check("有哮喘等特异体质的学生请告知班主任").verdict()).isEqualTo(Verdict.PASS);
        assertThat(CHECKER.check("王芳同学患有癫痫", CheckOptions.DEFAULTS.withIndividualRecipient(true)).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void homeAddress() {
        assertThat(CHECKER.check("张浩家住幸福路88号3栋").findings().get(0).rule()).isEqualTo("personal.address");
        assertThat(CHECKER.check("学校地址：幸福路88号").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void categoryIsPersonalData() {
        assertThat(CHECKER.check("卡号" + validId("43062620120315123")).categories())
                .containsExactly(Category.PERSONAL_DATA);
    }
}

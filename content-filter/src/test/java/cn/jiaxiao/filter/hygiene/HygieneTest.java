package cn.jiaxiao.filter.hygiene;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HygieneTest {

    private static final ContentChecker CHECKER = ContentChecker.withDefaults();

    @Test
    void missingSignatureOnlyWhenAsked() {
        CheckOptions sms = CheckOptions.sms("【示范中学】", 0);
        assertThat(CHECKER.check("明天放假。", sms).findings()).extracting(Finding::rule)
                .containsExactly("hygiene.signature");
        assertThat(CHECKER.check("【示范中学】明天放假。", sms).findings()).isEmpty();
        assertThat(CHECKER.check("明天放假。【示范中学】", sms).findings()).isEmpty();
        assertThat(CHECKER.check("明天放假。").findings()).isEmpty();
    }

    @Test
    void tooManySegments() {
        String longText = "好".repeat(140);
        assertThat(SmsSegments.count("请".repeat(70))).isEqualTo(1);
        assertThat(SmsSegments.count("请".repeat(71))).isEqualTo(2);
        assertThat(SmsSegments.count("a".repeat(160))).isEqualTo(1);
        assertThat(SmsSegments.count("a".repeat(161))).isEqualTo(2);
        CheckResult r = CHECKER.check(longText, CheckOptions.sms(null, 2));
        assertThat(r.findings()).extracting(Finding::rule).containsExactly("hygiene.length");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void unbalancedBrackets() {
        CheckResult r = CHECKER.check("请参加家长会（周五下午。");
        assertThat(r.findings()).extracting(Finding::rule).containsExactly("hygiene.brackets");
        assertThat(r.findings().get(0).match()).isEqualTo("（");
        assertThat(CHECKER.check("《通知》【重要】“请”（周五）(下午)").findings()).isEmpty();
        assertThat(CHECKER.check("请看】这里").findings().get(0).match()).isEqualTo("】");
        assertThat(CHECKER.check("1) 带水杯 2) 带雨具").findings()).isEmpty();
    }

    @Test
    void doubledCharacters() {
        CheckResult r = CHECKER.check("这是我们的的通知");
        assertThat(r.findings()).extracting(Finding::match).containsExactly("的的");
        assertThat(CHECKER.check("这件事的的确确不能不了了之").findings()).isEmpty();
    }

    @Test
    void mixedPunctuation() {
        CheckResult r = CHECKER.check("各位家长,您好。明天放假。");
        assertThat(r.findings()).extracting(Finding::match).containsExactly(",");
        assertThat(r.findings().get(0).category()).isEqualTo(Category.SMS_HYGIENE);
        assertThat(CHECKER.check("时间: 8:00, 地点: 操场").findings()).isEmpty();
    }
}

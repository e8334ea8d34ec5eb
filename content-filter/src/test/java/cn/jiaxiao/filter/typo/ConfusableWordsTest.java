package cn.jiaxiao.filter.typo;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfusableWordsTest {

    private static final ConfusableWords DETECTOR = new ConfusableWords();

    private static List<Finding> findings(String text) {
        List<Finding> out = new ArrayList<>();
        DETECTOR.detect(new CheckInput(text, CheckOptions.DEFAULTS), out);
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "请家长再本周五前签字|再本周|在本周",
            "请家长再下周一前把体检表交给班主任|再下周|在下周",
            "希望大家认真完成做业|做业|作业",
            "请在微信群里回复收到，已便统计人数|已便|以便",
            "运动会抱名截止到本周三|抱名|报名",
            "期末考试后将举行必业典礼|必业|毕业",
            "本周四下午举办安全教育讲坐|讲坐|讲座",
            "活动既将开始|既将|即将",
            "请上交学生的绘画做品|做品|作品",
            "全体师生进行消防疏散演炼|演炼|演练"})
    void overwhelmingConfusablesBlock(String text, String match, String suggestion) {
        List<Finding> f = findings(text);
        assertThat(f).as(text).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.BLOCK);
        assertThat(f.get(0).rule()).isEqualTo(ConfusableWords.RULE);
        assertThat(f.get(0).category()).isEqualTo(Category.TYPO);
        assertThat(f.get(0).match()).isEqualTo(match);
        assertThat(f.get(0).suggestion()).isEqualTo(suggestion);
        assertThat(text.substring(f.get(0).start(), f.get(0).end())).isEqualTo(match);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the original is in the dictionary, though rare (历害 4, 蓝球 4): WARN
            "同学们表现得很历害|历害|厉害",
            "请同学们明天带好蓝球|蓝球|篮球",
            // replacement only moderately frequent (植物园 174 < 300): WARN
            "学校将组织学生前往植物圆参观|植物圆|植物园",
            // 再 + time word without 前/内 after it
            "请家长再明天上午到校|再明天|在明天"})
    void lessCertainConfusablesOnlyWarn(String text, String match, String suggestion) {
        List<Finding> f = findings(text);
        assertThat(f).as(text).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(f.get(0).match()).isEqualTo(match);
        assertThat(f.get(0).suggestion()).isEqualTo(suggestion);
    }

    @ParameterizedTest
    @ValueSource(strings = {"希望同学们再接再厉", "在线学习", "再见", "作业", "做饭", "请家长在本周五前签字",
            "孩子在家要做家务", "做好作业，写作文", "再次提醒，再来一次", "已于周一发放，以便统计", "请按座位号就座",
            "讲座在三楼举行", "我们在行动", "已经领取的同学", "老师的意见", "来的时候", "原定的体育测试",
            "他既使用电脑也使用平板", "篮球赛在体育馆举行，穿蓝色队服", "在候场区安静等候", "戴好红领巾，带好水杯",
            "返校时间另行通知", "植物园、花园、圆规", "必须按时毕业", "辨别真伪，参加辩论赛", "严厉批评，历史课",
            "再后来我们再过两天再一次", "既然下雨，即使", "需要帮助的家长须按时到校"})
    void correctTextIsUntouched(String text) {
        assertThat(findings(text)).as(text).isEmpty();
    }

    @Test
    void offsetsAreIntoTheOriginalTextAndRunsStopAtNonChinese() {
        String text = "Hi，做业 请 已便 统计";
        // 做业 is a run of its own; 已便 too: a 2-char run is still checked
        List<Finding> f = findings(text);
        assertThat(f).extracting(Finding::match).containsExactly("做业", "已便");
        for (Finding x : f) {
            assertThat(text.substring(x.start(), x.end())).isEqualTo(x.match());
        }
        assertThat(findings("做 业")).isEmpty();
        assertThat(findings("")).isEmpty();
        assertThat(findings("做")).isEmpty();
    }

    @Test
    void partOfTheDefaultChecker() {
        var r = ContentChecker.withDefaults().check("请家长再本周五前签字。");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.findings()).extracting(Finding::rule).contains(ConfusableWords.RULE);
        assertThat(ContentChecker.withDefaults().check("请同学们在线完成作业，再接再厉。").verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void dictionaryIsCompact() {
        JiebaDictionary d = JiebaDictionary.instance();
        System.out.println(ConfusableWords.dictionaryStats());
        assertThat(d.linesRead).isGreaterThan(300_000);
        assertThat(d.words.size()).isBetween(10_000, 60_000);
        assertThat(d.bytes()).isLessThan(8L << 20);
        assertThat(d.words.get(LongIntMap.pack("作业", 0, 2))).isEqualTo(1525);
        assertThat(d.words.get(LongIntMap.pack("做业", 0, 2))).isZero();
    }
}

package cn.jiaxiao.filter.policy;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckOptions;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyTest {

    private static final ContentChecker CHECKER = ContentChecker.builder()
            .allowedDomains(Set.of("school.edu.cn", "wjx.cn")).build();

    @ParameterizedTest
    @ValueSource(strings = {"期末考试成绩排名如下", "孙浩考了班级倒数第一名", "数学：张伟98分，李娜95分，王强62分",
            "按成绩排名分班", "年级前十名名单如下"})
    void rankingsBlock(String text) {
        assertThat(CHECKER.check(text).blockingCategories()).as(text).contains(Category.RANKING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"本次考试不排名", "学校不公布考试排名", "考试时间90分钟，满分100分", "运动会接力赛我班获得第一名"})
    void rankingNegationsAndScoresOfThingsDoNotBlock(String text) {
        assertThat(CHECKER.check(text).blockingCategories()).as(text).doesNotContain(Category.RANKING);
    }

    @Test
    void bareRankingWordWarns() {
        CheckResult r = CHECKER.check("请关注孩子的名次变化");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.findings().get(0).category()).isEqualTo(Category.RANKING);
    }

    @Test
    void negativeRemarkAboutANamedStudent() {
        CheckResult r = CHECKER.check("张伟同学今天上课睡觉，不交作业");
        assertThat(r.blockingCategories()).contains(Category.INDIVIDUAL_NEGATIVE);
        assertThat(r.findings().get(0).match()).startsWith("张伟");
        assertThat(CHECKER.check("各位同学考试作弊将按校规处理").blockingCategories()).isEmpty();
        assertThat(CHECKER.check("张伟同学今天上课睡觉", CheckOptions.DEFAULTS.withIndividualRecipient(true))
                .blockingCategories()).isEmpty();
    }

    @Test
    void commercialWordsAndLinks() {
        assertThat(CHECKER.check("请帮我家孩子投一票").blockingCategories()).contains(Category.COMMERCIAL);
        assertThat(CHECKER.check("集赞38个送书包").blockingCategories()).contains(Category.COMMERCIAL);
        assertThat(CHECKER.check("爱心募捐，请转发").blockingCategories()).contains(Category.COMMERCIAL);
        assertThat(CHECKER.check("https://mobile.yangkeduo.com/kj?id=1").blockingCategories())
                .contains(Category.COMMERCIAL);
        assertThat(CHECKER.check("请勿在群里拉票、集赞、发广告").blockingCategories()).isEmpty();
    }

    @Test
    void linksOutsideTheAllowListWarn() {
        CheckResult r = CHECKER.check("详见 https://www.school.edu.cn/notice/1 或 http://abc.xyz/q");
        assertThat(r.findings()).hasSize(1);
        assertThat(r.findings().get(0).category()).isEqualTo(Category.UNKNOWN_LINK);
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(r.findings().get(0).match()).isEqualTo("http://abc.xyz/q");
        assertThat(CHECKER.check("问卷：wjx.cn/vm/abc").findings()).isEmpty();
        assertThat(CHECKER.check("时间是3.5小时").findings()).isEmpty();
    }
}

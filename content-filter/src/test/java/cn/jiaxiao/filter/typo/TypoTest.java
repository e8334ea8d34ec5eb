package cn.jiaxiao.filter.typo;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TypoTest {

    private static final ContentChecker CHECKER = ContentChecker.withDefaults();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "请家长按装软件|按装|安装",
            "希望同学们再接再励|再接再励|再接再厉",
            "既使下雨也照常举行|既使|即使",
            "新生报道时间为周一|新生报道|新生报到",
            "请认真的完成作业|认真的完成|认真地完成",
            "孩子们表现的非常好|表现的非常|表现得非常"})
    void highConfidenceTyposBlockWithASuggestion(String text, String match, String suggestion) {
        CheckResult r = CHECKER.check(text);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        Finding f = r.findings().stream().filter(x -> x.category() == Category.TYPO).findFirst().orElseThrow();
        assertThat(f.match()).isEqualTo(match);
        assertThat(f.suggestion()).isEqualTo(suggestion);
    }

    @ParameterizedTest
    @ValueSource(strings = {"认真的学习态度值得表扬", "他既使用电脑也使用平板", "新闻报道了这次活动", "安全的学习环境",
            "你说的很对", "台风登陆前请做好准备", "自己经常锻炼身体", "请按排名顺序入场"})
    void correctSentencesAreNotTypos(String text) {
        assertThat(CHECKER.check(text).blockingCategories()).as(text).doesNotContain(Category.TYPO);
    }

    @Test
    void grammarPatternsOnlyWarn() {
        CheckResult r = CHECKER.check("通过这次活动，使同学们增强了安全意识。");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.findings().get(0).category()).isEqualTo(Category.GRAMMAR);
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARN);
        assertThat(CHECKER.check("大约有300人左右参加").findings().get(0).rule()).isEqualTo("grammar.redundant-approx");
    }
}

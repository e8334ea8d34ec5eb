package cn.jiaxiao.filter.banned;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckResult;
import cn.jiaxiao.filter.ContentChecker;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.SwappableContentChecker;
import cn.jiaxiao.filter.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BannedContentTest {

    private static final ContentChecker CHECKER = ContentChecker.withDefaults();

    private static Finding only(CheckResult r, Category c) {
        List<Finding> fs = r.findings().stream().filter(f -> f.category() == c).toList();
        assertThat(fs).as(r.toString()).hasSize(1);
        return fs.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SUBVERSION|号召大家推翻政府",
            "RUMOUR|紧急扩散，人贩子团伙进入本市",
            "OBSCENE_GAMBLING_VIOLENCE|周末一起去赌博",
            "INSULT|你就是个傻逼",
            "STATE_ORGANS|这些狗官只会捞钱",
            "SCHOOL_IMAGE|这种垃圾学校赶紧转学",
            "NEGATIVE|活着没意思，不想活了",
            "TYPO|请按装软件",
            "COMMERCIAL|帮我砍一刀"})
    void eachListCategoryBlocks(Category category, String text) {
        CheckResult r = CHECKER.check(text);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.blockingCategories()).contains(category);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "spaces|周末一起去赌 博|赌 博",
            "punctuation|周末一起去赌*博|赌*博",
            "dots|你就是个傻.逼|傻.逼",
            "full-width|你就是个ＳＢ吧|ＳＢ",
            "traditional|周末一起去賭博|賭博",
            "repeated|周末一起去赌赌博|赌赌博",
            "ideographic space|周末一起去赌\u3000博|赌\u3000博",
            "mixed|周末一起去賭 - 博|賭 - 博"})
    void evasionsAreCaughtAndPointAtTheOriginalSpan(String kind, String text, String expectedMatch) {
        CheckResult r = CHECKER.check(text);
        assertThat(r.verdict()).as(kind).isEqualTo(Verdict.BLOCK);
        Finding f = r.findings().get(0);
        assertThat(f.match()).as(kind).isEqualTo(expectedMatch);
        assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
    }

    @Test
    void zeroWidthCharactersInsideATerm() {
        String text = "一起去赌\u200b\u200d博吧";
        Finding f = only(CHECKER.check(text), Category.OBSCENE_GAMBLING_VIOLENCE);
        assertThat(f.start()).isEqualTo(3);
        assertThat(f.end()).isEqualTo(7);
    }

    @Test
    void digitStylesMatchANumeralTerm() {
        ContentChecker c = ContentChecker.builder().termLists(TermLists.builder().version("t")
                .add(Category.OBSCENE_GAMBLING_VIOLENCE, List.of("三级片")).build()).build();
        for (String s : List.of("3级片", "③级片", "３级片", "叁级片", "三级片", "3 级 片")) {
            assertThat(c.check("找" + s + "看").verdict()).as(s).isEqualTo(Verdict.BLOCK);
        }
        // Chinese numerals stay ordinary words elsewhere.
        assertThat(c.check("三年级二班下午第三节课").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void whitelistedPhraseExcusesTheTermInsideIt() {
        assertThat(CHECKER.check("注意路口交通安全").verdict()).isEqualTo(Verdict.PASS);
        assertThat(CHECKER.check("请在校门口交给老师").verdict()).isEqualTo(Verdict.PASS);
        assertThat(CHECKER.check("口交").verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void whitelistIsData() {
        TermLists lists = TermLists.builder().add(Category.INSULT, List.of("伴游"))
                .whitelist(List.of("结伴游泳")).build();
        ContentChecker c = ContentChecker.builder().termLists(lists).build();
        assertThat(c.check("不要结伴游泳").verdict()).isEqualTo(Verdict.PASS);
        assertThat(c.check("提供伴游服务").verdict()).isEqualTo(Verdict.BLOCK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"请同学们远离赌博", "严禁学生参与任何形式的赌博", "禁毒宣传周", "认清毒品的危害",
            "预防校园暴力", "防诈骗讲座", "远离黄赌毒", "校长办公室", "请用2B铅笔答题", "暴雨黄色预警",
            "道德与法治", "不要结伴游泳", "自觉抵制毒品", "今日你的孩子未到校", "运动会时间更改运动员请注意",
            "网上疯传的停课消息不实", "电子票据已发送", "迅速转移到安全地带", "请勿在群内发红包、拉票"})
    void safetyEducationAndOrdinaryWordingPass(String text) {
        assertThat(CHECKER.check(text).blockingCategories()).as(text).isEmpty();
    }

    @Test
    void guardedTermStillBlocksOutsideAWarningClause() {
        assertThat(CHECKER.check("不要告诉老师，一起赌博").verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(CHECKER.check("帮忙宣传一下我们的赌场").verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void asciiTermsMustStandAlone() {
        assertThat(CHECKER.check("jobs bag").verdict()).isEqualTo(Verdict.PASS);
        assertThat(CHECKER.check("USB接口").verdict()).isEqualTo(Verdict.PASS);
        assertThat(CHECKER.check("你个sb").verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "【示范中学】家长您好😀，周末一起去賭\u200b博吧";
        Finding f = only(CHECKER.check(text), Category.OBSCENE_GAMBLING_VIOLENCE);
        assertThat(f.match()).isEqualTo("賭\u200b博");
        assertThat(text.substring(f.start(), f.end())).isEqualTo(f.match());
        assertThat(text.indexOf("賭")).isEqualTo(f.start());
    }

    @Test
    void longerHitHidesTheShorterOneInside() {
        CheckResult r = CHECKER.check("考不上就去死");
        assertThat(r.findings()).hasSize(1);
        assertThat(r.findings().get(0).category()).isEqualTo(Category.NEGATIVE);
    }

    @Test
    void aLongerWarnTermDoesNotHideABlockInsideIt() {
        TermLists lists = TermLists.builder().add(Category.COMMERCIAL, List.of("?抢购坏词甲"))
                .add(Category.INSULT, List.of("坏词甲")).build();
        CheckResult r = ContentChecker.builder().termLists(lists).build().check("限时抢购坏词甲");
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(r.blockingCategories()).containsExactly(Category.INSULT);
    }

    @Test
    void warnOnlyTermsWarn() {
        CheckResult r = CHECKER.check("春节收到的红包要合理使用");
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(only(r, Category.COMMERCIAL).severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void listsAreDataAndCheckersSwapAtomically() {
        TermLists v1 = TermLists.builder().version("v1").add(Category.NEGATIVE, List.of("坏词甲")).build();
        TermLists v2 = v1.toBuilder().version("v2").add(Category.NEGATIVE, List.of("坏词乙")).build();
        SwappableContentChecker holder = new SwappableContentChecker(ContentChecker.builder().termLists(v1).build());
        assertThat(holder.check("坏词乙").verdict()).isEqualTo(Verdict.PASS);
        ContentChecker old = holder.swap(ContentChecker.builder().termLists(v2).build());
        assertThat(old.termListsVersion()).isEqualTo("v1");
        assertThat(holder.current().termListsVersion()).isEqualTo("v2");
        assertThat(holder.current().termCount()).isEqualTo(2);
        assertThat(holder.check("坏词乙").verdict()).isEqualTo(Verdict.BLOCK);
    }

    @Test
    void defaultListsLoadWithAVersion() {
        TermLists d = TermLists.defaults();
        assertThat(d.version()).startsWith("default-");
        assertThat(d.size()).isGreaterThan(300);
        for (Category c : TermLists.LIST_CATEGORIES) {
            assertThat(d.entries(c)).as(c.name()).isNotEmpty();
        }
        assertThat(CHECKER.termCount()).isGreaterThan(300);
    }

    @Test
    void listSyntax() {
        TermEntry e = TermEntry.parse(Category.TYPO, " ~?按装=安装 ");
        assertThat(e.term()).isEqualTo("按装");
        assertThat(e.severity()).isEqualTo(Severity.WARN);
        assertThat(e.guarded()).isTrue();
        assertThat(e.suggestion()).isEqualTo("安装");
        assertThat(TermEntry.parse(Category.TYPO, "# comment")).isNull();
        assertThat(TermEntry.parse(Category.TYPO, "   ")).isNull();
    }
}

package cn.jiaxiao.filter.typo;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.text.StartCharPattern;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Classic 语病 patterns taught in Chinese class. They are strong hints, not proof (context can rescue them),
 * so they only warn: the approver decides.
 */
public final class GrammarPatternDetector implements Detector {

    /**
     * {@code needs}: words that must all occur for the rule to apply, checked before the regex runs. The pattern
     * carries the chars its matches can start with, so the regex is only tried at those positions.
     */
    private record Rule(String id, StartCharPattern pattern, String suggestion, String[][] needs) {
        Rule(String id, StartCharPattern pattern, String suggestion, String... needs) {
            this(id, pattern, suggestion, java.util.Arrays.stream(needs).map(n -> n.split("\\|"))
                    .toArray(String[][]::new));
        }

        boolean applicable(String text) {
            for (String[] alternatives : needs) {
                boolean any = false;
                for (String alt : alternatives) {
                    if (text.contains(alt)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final String IN_SENTENCE = "[^。！？!?；;\\n]";
    private static final List<Rule> RULES = List.of(
            new Rule("grammar.redundant-approx",
                    regex("(?:大约|大概|约|将近|近)" + IN_SENTENCE + "{1,12}?左右", "大约将近"), "删去“大约”或“左右”", "左右"),
            new Rule("grammar.missing-subject",
                    // at the text start (^) a match begins with white space or 通/经; elsewhere with a sentence end
                    regex("(?:^|[。！？!?\\n])\\s*(?:通过|经过)" + IN_SENTENCE + "{2,30}?[，,]\\s*(?:使|让)(?:我们|同学们|大家|学生|家长|我)",
                            "。！？!?\n \t\u000B\f\r通经"),
                    "删去“通过/经过”或“使/让”，补出主语", "通过|经过", "使|让"),
            new Rule("grammar.cause-mixed",
                    regex("原因是" + IN_SENTENCE + "{1,30}?(?:造成的|引起的|导致的)", "原"), "“原因是……”与“……造成的”二选一", "原因是"),
            new Rule("grammar.double-negation",
                    regex("(?:防止|避免|以免|杜绝)" + IN_SENTENCE + "{0,10}?不再", "防避以杜"), "“防止/避免”与“不再”连用意思相反", "不再"),
            new Rule("grammar.one-vs-two-sided",
                    regex("能否" + IN_SENTENCE + "{1,20}?是" + IN_SENTENCE + "{0,10}?(?:关键|保证|前提)", "能"),
                    "“能否”是两面，后文只有一面", "能否"),
            new Rule("grammar.redundant-more-than",
                    regex("(?:超过|多于)" + IN_SENTENCE + "{1,8}?(?:以上|多)", "超多"), "删去“超过”或“以上”", "超过|多于"),
            new Rule("grammar.duplicate-word",
                    regex("(?:凯旋而归|凯旋归来|最后的终点|亲眼目睹|涉及到|免费赠送|悬殊很大|过分溺爱|忍俊不禁地笑|"
                            + "莫名其妙地不知|首当其冲地|大约左右|众多的许多)", "凯最亲涉免悬过忍莫首大众"), null,
                    "凯旋|终点|目睹|涉及到|免费赠送|悬殊|溺爱|忍俊不禁|莫名其妙|首当其冲|大约左右|众多的许多"));

    private static StartCharPattern regex(String regex, String startChars) {
        return new StartCharPattern(Pattern.compile(regex), startChars);
    }

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        for (Rule rule : RULES) {
            if (!rule.applicable(text)) {
                continue;
            }
            StartCharPattern.Scan m = rule.pattern().scan(text);
            while (m.find()) {
                int start = m.start();
                while (start < m.end() && "。！？!?\n \t".indexOf(text.charAt(start)) >= 0) {
                    start++;
                }
                out.add(Finding.of(text, Category.GRAMMAR, Severity.WARN, start, m.end(), rule.id(), rule.suggestion()));
            }
        }
    }
}

package cn.jiaxiao.filter.typo;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classic 语病 patterns taught in Chinese class. They are strong hints, not proof (context can rescue them),
 * so they only warn: the approver decides.
 */
public final class GrammarPatternDetector implements Detector {

    /** {@code needs}: words that must all occur for the rule to apply, checked before the regex runs. */
    private record Rule(String id, Pattern pattern, String suggestion, String[][] needs) {
        Rule(String id, Pattern pattern, String suggestion, String... needs) {
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
                    Pattern.compile("(?:大约|大概|约|将近|近)" + IN_SENTENCE + "{1,12}?左右"), "删去“大约”或“左右”", "左右"),
            new Rule("grammar.missing-subject",
                    Pattern.compile("(?:^|[。！？!?\\n])\\s*(?:通过|经过)" + IN_SENTENCE + "{2,30}?[，,]\\s*(?:使|让)(?:我们|同学们|大家|学生|家长|我)"),
                    "删去“通过/经过”或“使/让”，补出主语", "通过|经过", "使|让"),
            new Rule("grammar.cause-mixed",
                    Pattern.compile("原因是" + IN_SENTENCE + "{1,30}?(?:造成的|引起的|导致的)"), "“原因是……”与“……造成的”二选一", "原因是"),
            new Rule("grammar.double-negation",
                    Pattern.compile("(?:防止|避免|以免|杜绝)" + IN_SENTENCE + "{0,10}?不再"), "“防止/避免”与“不再”连用意思相反", "不再"),
            new Rule("grammar.one-vs-two-sided",
                    Pattern.compile("能否" + IN_SENTENCE + "{1,20}?是" + IN_SENTENCE + "{0,10}?(?:关键|保证|前提)"),
                    "“能否”是两面，后文只有一面", "能否"),
            new Rule("grammar.redundant-more-than",
                    Pattern.compile("(?:超过|多于)" + IN_SENTENCE + "{1,8}?(?:以上|多)"), "删去“超过”或“以上”", "超过|多于"),
            new Rule("grammar.duplicate-word",
                    Pattern.compile("(?:凯旋而归|凯旋归来|最后的终点|亲眼目睹|涉及到|免费赠送|悬殊很大|过分溺爱|忍俊不禁地笑|"
                            + "莫名其妙地不知|首当其冲地|大约左右|众多的许多)"), null,
                    "凯旋|终点|目睹|涉及到|免费赠送|悬殊|溺爱|忍俊不禁|莫名其妙|首当其冲|大约左右|众多的许多"));

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        for (Rule rule : RULES) {
            if (!rule.applicable(text)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
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

package cn.jiaxiao.filter.text;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a notice names one student: 张伟同学, 王小红家长, 学生李明, 张某某同学. A name is a common surname plus one
 * or two characters; requiring the surname keeps 各位同学, 全班同学 and 部分同学 from counting as names.
 *
 * <p>Hand-written scanning around a few anchor words instead of one big regular expression: this runs on every
 * check and a regex with a 300-char class and look-aheads cost milliseconds per notice.
 */
public final class StudentMentions {

    /** Common surnames; covers the large majority of the population. */
    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
            + "苏魏吕丁沈任姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱覃武"
            + "戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂焦向柳邢岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜詹关"
            + "苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋甘景薄单包司柏宁柯阮桂闵解强丛";
    private static final boolean[] IS_SURNAME = new boolean[Character.MAX_VALUE + 1];

    static {
        for (char c : SURNAMES.toCharArray()) {
            IS_SURNAME[c] = true;
        }
    }

    /** Words after a name that show it is a person: 张伟同学, 张伟家长, 张伟的妈妈. */
    private static final String[] AFTER_NAME = {"同学", "家长", "妈妈", "爸爸", "小朋友", "的家长", "的妈妈", "的爸爸"};
    /** Words before a name: 学生李明, 孩子王芳. */
    private static final String[] BEFORE_NAME = {"学生", "孩子"};
    /** What may follow a name introduced by 学生/孩子, so that 学生安全教育 does not read as a student called 安全教. */
    private static final String NAME_FOLLOWERS = "，,、：:（(同在因上今昨本近的于是和与没未不多经屡考";
    /** Look like surname + char but are not names. */
    private static final List<String> NOT_NAMES = List.of("高年级", "高中", "高一", "高二", "高三", "年级", "安全", "安静",
            "成绩", "成长", "管理", "关系", "游泳", "游戏", "包括", "单独", "严格", "严禁", "方便", "方面", "杜绝", "夏天",
            "夏季", "申请", "牛奶", "任何", "任务", "卫生", "单位", "曾经", "温度", "温馨", "程序", "项目", "尤其",
            "费用", "查看", "查询", "强化", "解决", "毕业", "凌晨", "章程", "付费", "付款", "谢谢", "何时", "陆续", "田径",
            "高度", "高考", "钱包", "金额", "安排", "白天", "宁可", "时间", "齐全", "成为", "成年", "关心", "关注", "时候",
            "万一", "向着", "祝贺", "祝福", "相关", "参赛", "其他", "其余", "全体", "全班", "全校", "个别", "部分",
            "各位", "每位", "广大", "本班", "我班", "同班", "这位", "那位", "新同", "优秀", "获奖", "住校", "走读", "男",
            "女");

    private StudentMentions() {
    }

    /** A named student: the span of the name in the text. */
    public record Mention(int start, int end, String name) {
    }

    private static final Object KEY = new Object();

    /** The mentions of one check, computed once and shared by the detectors that need them. */
    /**
     * Reports each named student who is followed, within his sentence, by one of {@code words}: the
     * shape of a remark about one child (a condition, a misdeed) that a group message must not carry.
     */
    public static void flagWordsAfterMentions(CheckInput input, List<String> words, int radius, Category category,
            String rule, List<Finding> out) {
        if (input.options().individualRecipient()) {
            return;
        }
        String text = input.text();
        for (Mention m : of(input)) {
            int[] sentence = sentenceAround(text, m.start(), radius);
            String clause = text.substring(m.end(), Math.max(m.end(), sentence[1]));
            for (String word : words) {
                int at = clause.indexOf(word);
                if (at >= 0) {
                    out.add(Finding.of(text, category, Severity.BLOCK, m.start(), m.end() + at + word.length(), rule,
                            null));
                    break;
                }
            }
        }
    }

    public static List<Mention> of(CheckInput input) {
        return input.derived(KEY, in -> find(in.text()));
    }

    public static List<Mention> find(String text) {
        List<Mention> out = new ArrayList<>();
        for (String anchor : AFTER_NAME) {
            for (int p = text.indexOf(anchor); p >= 0; p = text.indexOf(anchor, p + 1)) {
                int start = nameStartBefore(text, p);
                if (start >= 0) {
                    add(out, text, start, p);
                }
            }
        }
        for (String anchor : BEFORE_NAME) {
            for (int p = text.indexOf(anchor); p >= 0; p = text.indexOf(anchor, p + 1)) {
                int s = p + anchor.length();
                for (int len = 3; len >= 2; len--) {
                    int e = s + len;
                    if (e <= text.length() && isSurname(text.charAt(s)) && allHan(text, s, e)
                            && (e == text.length() || NAME_FOLLOWERS.indexOf(text.charAt(e)) >= 0)) {
                        add(out, text, s, e);
                        break;
                    }
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** Three-char names when the char three back is a surname (王小红同学), else two (张伟同学). */
    private static int nameStartBefore(String text, int end) {
        if (end >= 3 && isSurname(text.charAt(end - 3)) && allHan(text, end - 3, end)
                && !isNotName(text.substring(end - 3, end))) {
            return end - 3;
        }
        if (end >= 2 && isSurname(text.charAt(end - 2)) && allHan(text, end - 2, end)) {
            return end - 2;
        }
        if (end >= 3 && isSurname(text.charAt(end - 3)) && "某*×Xx".indexOf(text.charAt(end - 1)) >= 0) {
            return end - 3;
        }
        return -1;
    }

    private static void add(List<Mention> out, String text, int start, int end) {
        String name = text.substring(start, end);
        if (isNotName(name) || name.endsWith("的")) {
            return;
        }
        for (Mention m : out) {
            if (m.start() == start && m.end() == end) {
                return;
            }
        }
        out.add(new Mention(start, end, name));
    }

    public static boolean isSurname(char c) {
        return IS_SURNAME[c];
    }

    private static boolean isHan(char c) {
        return c >= 0x4E00 && c <= 0x9FA5;
    }

    private static boolean allHan(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isHan(text.charAt(i)) && "某*×".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNotName(String name) {
        for (String w : NOT_NAMES) {
            if (name.startsWith(w) || name.contains(w) && w.length() >= 2) {
                return true;
            }
        }
        return false;
    }

    /** Sentence containing {@code pos}: from the previous to the next sentence end (。！？；\n), within a radius. */
    public static int[] sentenceAround(String text, int pos, int maxRadius) {
        int from = pos;
        while (from > 0 && pos - from < maxRadius && "。！？；;!?\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = pos;
        while (to < text.length() && to - pos < maxRadius && "。！？；;!?\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        return new int[]{from, to};
    }
}

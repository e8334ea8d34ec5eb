package cn.jiaxiao.routes.reply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds which of the sender's children a leave request is about, and notices a name that is not one of
 * them.
 *
 * <p>A child is named by the full name (spaces between its characters allowed: 张 三), or, when no full
 * name is there, by the given name alone if it has two characters or more and no other child has the same
 * one (小明 for 王小明). Longer names are looked for first, so 张三丰 is not also read as 张三.
 *
 * <p>A name that is not among the children is recognised only by its shape: a word of its own (between
 * spaces or punctuation, once keyword, dates and day part are taken out) of two or three Han characters
 * starting with a common surname (four with a two-character surname), and with none of the characters
 * that illnesses and errands are written with (高烧 is not a 高). It is a heuristic that errs towards
 * asking: the gateway then asks which child is meant instead of recording the leave for the wrong one.
 */
final class StudentNames {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            + "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
            + "毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁"
            + "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆卓吉缪简"
            + "项连麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖"
            + "巩佘池查麻苑迟邝";
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "司徒", "东方", "慕容", "令狐", "皇甫", "尉迟", "公孙", "长孙", "宇文",
            "夏侯", "轩辕", "端木", "南宫", "西门", "独孤");
    /** Characters of illnesses, errands and people that are not names: 高烧, 牙疼, 王老师. */
    private static final String NOT_IN_NAMES = "烧病疼痛医院冒炎热吐泻咳嗽伤骨折牙肚胃头检查诊药事家里去回老师孩子"
            + "学校课作业考试参加比赛婚礼葬礼活动车票飞机火";
    /** Everyday words that start with a surname character and are no names. */
    private static final Set<String> NOT_NAMES = Set.of(
            "谢谢", "多谢", "麻烦", "成绩", "应该", "方便", "连续", "常常", "温度", "于是", "安排", "时间", "齐全", "毛衣",
            "曲线", "管理", "华为", "严重", "金额", "钱包", "余下", "任何", "万一", "商量", "单独", "尚未", "全部", "段落");
    private static final Pattern HAN_WORD = Pattern.compile("\\p{IsHan}+");

    /** A child found in the text and where the name stands. */
    record Named(String name, int start, int end) {
    }

    private StudentNames() {
    }

    /**
     * Every place where one of the children is named; a child named twice is there twice.
     *
     * @param text normalised text
     * @param children the sender's children as given by the caller (entries that are null or blank are skipped)
     */
    static List<Named> findChildren(String text, List<String> children) {
        // Each name with its key, computed once; longest first.
        List<String[]> byLength = new ArrayList<>();
        for (String child : children) {
            String key = child == null ? "" : key(child);
            if (!key.isEmpty() && byLength.stream().noneMatch(known -> known[0].equals(child))) {
                byLength.add(new String[] {child, key});
            }
        }
        byLength.sort(Comparator.comparingInt((String[] name) -> name[1].length()).reversed());
        List<Named> found = new ArrayList<>();
        char[] rest = text.toCharArray();
        for (String[] name : byLength) {
            find(rest, name[1], name[0], found);
        }
        if (found.isEmpty()) {
            for (String[] name : byLength) {
                String given = givenName(name[1]);
                if (given.length() >= 2
                        && byLength.stream().filter(other -> givenName(other[1]).equals(given)).count() == 1) {
                    find(rest, given, name[0], found);
                }
            }
        }
        return found;
    }

    /** True for a word shaped like a Chinese name (see the class comment). */
    static boolean looksLikeName(String word) {
        if (word.length() < 2 || word.length() > 4 || NOT_NAMES.contains(word)) {
            return false;
        }
        int surname = COMPOUND_SURNAMES.contains(word.substring(0, 2)) ? 2
                : SURNAMES.indexOf(word.charAt(0)) >= 0 ? 1 : 0;
        if (surname == 0 || word.length() > surname + 2 || !HAN_WORD.matcher(word).matches()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (NOT_IN_NAMES.indexOf(word.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Finds every place of {@code key} in {@code rest}, a single space allowed between two characters. */
    private static void find(char[] rest, String key, String child, List<Named> found) {
        for (int start = 0; start < rest.length; start++) {
            int end = matchEnd(rest, start, key);
            if (end > 0) {
                found.add(new Named(child, start, end));
                // Blank it, so that a shorter name inside it (张三 in 张三丰) is not found again.
                java.util.Arrays.fill(rest, start, end, ' ');
                start = end - 1;
            }
        }
    }

    /** Where the key ends when it starts at {@code start}, or -1. */
    private static int matchEnd(char[] text, int start, String key) {
        int i = start;
        for (int k = 0; k < key.length(); k++) {
            if (k > 0 && i < text.length && text[i] == ' ' && key.charAt(k) != ' ') {
                i++;
            }
            if (i >= text.length || text[i] != key.charAt(k)) {
                return -1;
            }
            i++;
        }
        return i;
    }

    /** A name in the form it is looked for in: normalised, without spaces and punctuation. */
    private static String key(String name) {
        return ReplyText.compact(ReplyText.normalize(name));
    }

    private static String givenName(String key) {
        int surname = key.length() >= 3 && COMPOUND_SURNAMES.contains(key.substring(0, 2)) ? 2 : 1;
        return key.length() > surname ? key.substring(surname) : "";
    }
}

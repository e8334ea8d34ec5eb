package cn.jiaxiao.routes.reply;

import java.util.List;
import java.util.Random;

/**
 * Random replies for fuzzing: mixtures of the words the parser looks for, names, dates, punctuation, emoji,
 * paired and unpaired surrogates, control characters and random code points, now and then very long.
 */
final class RandomReplies {

    private static final List<String> TOKENS = List.of(
            "请假", "请个假", "qj", "QJ", "请两天假", "请半天假", "病假", "收到", "确认", "好", "1", "１", "ok", "ＯＫ", "td",
            "STOP", "退订", "帮助", "?", "？", "吗", "不", "取消", "张三", "李四", "王五", "张", "三", "今天", "明天", "后天",
            "明后两天", "周三", "星期日", "下周一", "下下周五", "上午", "下午", "全天", "半天", "11月25日", "25号", "25日",
            "11.25", "11/25", "2026年", "2026-11-25", "12月30日", "1月2日", "2月30日", "32号", "13月", "-", "~", "至",
            "到", "十一月", "二十五", "十十", "天", "月", "日", "号", "年", "99", "0", "00", "123456789012", "发烧",
            "看病", "家里有事", "，", "。", "！", "：", " ", "\u3000", "\n", "\t", "【示范中学】", "【", "】", "😷",
            "👍🏻", "\u200b", "\ufeff", "\u0000", "\u0007", "\uD800", "\uDC00", "\uDBFF\uDFFF", "𠀀", "\uFFFF",
            "\u0301", "ﾃｽﾄ", "㍻", "①", "Ⅻ", "ß", "İ", "ǅ", "\\", "(", "[", "*", "+", "$", "^", ".");

    private final Random random;

    RandomReplies(Random random) {
        this.random = random;
    }

    String next() {
        return switch (random.nextInt(10)) {
            case 0 -> randomChars(random.nextInt(40));
            case 1 -> randomChars(random.nextInt(10) == 0 ? 10_000 : 600);
            case 2 -> tokens(500 + random.nextInt(1500));
            default -> tokens(random.nextInt(12));
        };
    }

    private String tokens(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return out.toString();
    }

    /** Any UTF-16 units at all, surrogates included, half of them from the CJK and punctuation ranges. */
    private String randomChars(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x10000);
                case 1 -> (char) (0x4E00 + random.nextInt(0x5200));
                case 2 -> (char) (0x3000 + random.nextInt(0x40));
                default -> (char) (0xFF00 + random.nextInt(0xF0));
            });
        }
        return out.toString();
    }
}

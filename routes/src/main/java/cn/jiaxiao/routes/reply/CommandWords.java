package cn.jiaxiao.routes.reply;

import java.util.Set;

/**
 * The two command replies: opting out of messages and asking for help. Like confirmations, only the whole
 * reply counts ("TD" opts out, "TD是什么意思" does not), compared in {@link ReplyText#compact} form so that
 * case, width and spaces do not matter ("ｓｔｏｐ", "T D", "退订！").
 */
final class CommandWords {

    static final Set<String> OPT_OUT = Set.of("stop", "td", "退订", "unsubscribe", "取消订阅");

    static final Set<String> HELP = Set.of("help", "帮助", "求助", "使用帮助");

    private CommandWords() {
    }

    /** @param compact the reply in {@link ReplyText#compact} form */
    static boolean isOptOut(String compact) {
        return OPT_OUT.contains(compact);
    }

    /**
     * @param compact the reply in {@link ReplyText#compact} form
     * @param normalized the reply in {@link ReplyText#normalize} form, for a reply of question marks only
     */
    static boolean isHelp(String compact, String normalized) {
        return HELP.contains(compact) || isOnlyQuestionMarks(normalized);
    }

    private static boolean isOnlyQuestionMarks(String normalized) {
        boolean seen = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '?') {
                seen = true;
            } else if (c != ' ') {
                return false;
            }
        }
        return seen;
    }
}

package cn.jiaxiao.routes.reply;

/** The parent asks how to reply (HELP, 帮助, or a lone question mark). */
public record Help() implements ReplyIntent {
}

package cn.jiaxiao.routes.reply;

/** The parent asks to stop receiving messages (STOP, TD, 退订). */
public record OptOut() implements ReplyIntent {
}

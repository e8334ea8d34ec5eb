package cn.jiaxiao.routes.reply;

/** The parent confirms receipt of the notice they were asked to confirm (1, 确认, 收到, 好, 已阅, ok …). */
public record Confirmation() implements ReplyIntent {
}

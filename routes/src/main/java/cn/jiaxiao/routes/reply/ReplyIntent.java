package cn.jiaxiao.routes.reply;

/**
 * What a parent's SMS reply means to the gateway, as {@link ReplyParser} reads it.
 *
 * <p>Every reply gets exactly one intent; anything the parser is not sure about is {@link Unparsed}
 * (or {@link NeedsClarification} for a leave request with a missing or doubtful part), never a guess.
 */
public sealed interface ReplyIntent
        permits Confirmation, OptOut, Help, LeaveRequest, NeedsClarification, Unparsed {
}

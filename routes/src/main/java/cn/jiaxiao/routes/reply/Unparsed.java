package cn.jiaxiao.routes.reply;

/**
 * Anything else: a question, a remark, an absence explained without a leave keyword. The gateway answers
 * with its help text and puts the reply in the teacher's inbox.
 *
 * @param text the reply as received ("" for null), not normalised, so the teacher reads what was sent
 */
public record Unparsed(String text) implements ReplyIntent {

    public Unparsed {
        text = text == null ? "" : text;
    }
}

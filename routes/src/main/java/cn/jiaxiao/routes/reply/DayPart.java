package cn.jiaxiao.routes.reply;

/** Which part of the school day a leave covers. A half day is only ever given for a single date. */
public enum DayPart {
    MORNING,
    AFTERNOON,
    FULL_DAY
}

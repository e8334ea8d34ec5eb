package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fixed replies (confirmation, opt-out, help) and what must not be taken for one. */
class ReplyParserTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final List<String> ONE_CHILD = List.of("张三");

    private static ReplyIntent parse(String text) {
        return ReplyParser.parse(text, TUESDAY, ONE_CHILD);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"1", "１", "确认", "收到", " 收到！", "收到。", "收到!!!", "收 到", "\u200b收到\u200b", "收到👍",
            "好", "好的", "好滴", "已阅", "ok", "OK", "Ok", "ＯＫ", "ok!", "okay", "收到了", "已收到", "确认收到", "已确认",
            "收到，谢谢老师", "收到谢谢", "好的，谢谢老师！", "老师好，收到", "老师您好，已收到", "知道了", "明白", "已读"})
    void confirmations(String text) {
        assertThat(parse(text)).isEqualTo(new Confirmation());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"STOP", "stop", "Stop", "ＳＴＯＰ", "TD", "td", "Td", "ＴＤ", "T D", "退订", " 退订。", "退 订！",
            "取消订阅", "unsubscribe"})
    void optOuts(String text) {
        assertThat(parse(text)).isEqualTo(new OptOut());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"HELP", "help", "Ｈｅｌｐ", "帮助", "帮助？", "?", "？", "？？", " ? ", "?？"})
    void helpRequests(String text) {
        assertThat(parse(text)).isEqualTo(new Help());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"不好", "收到了吗？", "收到了吗", "明天不能参加", "好的，明天准时到", "好的明天准时到", "好好学习",
            "11", "12", "0", "ok吗", "不确认", "没收到", "收到什么", "确认一下时间", "TD是什么意思", "stop it", "退订了吗",
            "明天可以请假吗？", "怎么请假", "请假要什么手续", "不用请假了", "张三明天不请假了", "取消明天的请假", "请问寒假什么时候放",
            "张三明天发烧不能来", "老师，孩子这几天咳嗽", "谢谢老师", "老师好", "👍", "。。。", "", "   ", "\u200b"})
    void everythingElseIsUnparsed(String text) {
        assertThat(parse(text)).isEqualTo(new Unparsed(text));
    }

    @Test
    void oneDayNumberWithALeaveWordIsALeaveNotAConfirmation() {
        assertThat(parse("1号请假")).isInstanceOf(LeaveRequest.class);
        assertThat(parse("1请假")).isNotInstanceOf(Confirmation.class);
    }

    @Test
    void nullTextTodayOrChildrenGiveAResultNotAnException() {
        assertThat(ReplyParser.parse(null, TUESDAY, ONE_CHILD)).isEqualTo(new Unparsed(""));
        assertThat(ReplyParser.parse("明天请假", null, ONE_CHILD)).isEqualTo(new Unparsed("明天请假"));
        assertThat(ReplyParser.parse("收到", null, null)).isEqualTo(new Confirmation());
        assertThat(ReplyParser.parse("明天请假", TUESDAY, null)).isInstanceOf(NeedsClarification.class);
        assertThat(ReplyParser.parse("张三明天请假", TUESDAY, java.util.Arrays.asList(null, "", "张三")))
                .isInstanceOf(LeaveRequest.class);
    }

    @Test
    void onlyTheFirstFiveHundredCharactersAreRead() {
        String longTail = "张三明天请假" + "很".repeat(10_000);
        assertThat(parse(longTail)).isInstanceOf(LeaveRequest.class);
        assertThat(parse("很".repeat(600) + "张三明天请假")).isEqualTo(new Unparsed("很".repeat(600) + "张三明天请假"));
    }
}

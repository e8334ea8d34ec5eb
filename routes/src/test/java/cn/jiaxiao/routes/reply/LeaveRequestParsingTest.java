package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiaxiao.routes.reply.NeedsClarification.Problem;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Leave requests as parents write them, read on Tuesday 2026-11-24 unless the case says otherwise. */
class LeaveRequestParsingTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final List<String> ONE_CHILD = List.of("张三");
    private static final List<String> TWO_CHILDREN = List.of("张三", "李四");

    private static Arguments leave(String text, String student, String from, String to, DayPart part, String reason) {
        return Arguments.of(text, student, LocalDate.parse(from), LocalDate.parse(to), part, reason);
    }

    static Stream<Arguments> leaveRequests() {
        return Stream.of(
                leave("请假 张三 明天 发烧", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "发烧"),
                leave("张三今天上午请假看病", "张三", "2026-11-24", "2026-11-24", DayPart.MORNING, "看病"),
                leave("QJ 11月25日-11月26日 张三 家里有事", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, "家里有事"),
                leave("明天请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("qj 张三 明天 感冒", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "感冒"),
                leave("ｑｊ　张三　明天", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("请假：张三 明天 发烧", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "发烧"),
                leave("张三明天请个假，去医院复查", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "去医院复查"),
                leave("张三 １１月２５日 请假 看病", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "看病"),
                leave("张三11.25请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三11/25请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三11-25请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("2026年11月25日张三请假 家里有事", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "家里有事"),
                leave("张三2026-11-25请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三25号请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三25日请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三周三请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三星期三请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三礼拜五请假", "张三", "2026-11-27", "2026-11-27", DayPart.FULL_DAY, ""),
                leave("张三周二请假", "张三", "2026-11-24", "2026-11-24", DayPart.FULL_DAY, ""),
                leave("张三星期天请假", "张三", "2026-11-29", "2026-11-29", DayPart.FULL_DAY, ""),
                leave("张三下周一请假", "张三", "2026-11-30", "2026-11-30", DayPart.FULL_DAY, ""),
                leave("张三下个星期三请假", "张三", "2026-12-02", "2026-12-02", DayPart.FULL_DAY, ""),
                leave("张三本周一请假 发烧", "张三", "2026-11-23", "2026-11-23", DayPart.FULL_DAY, "发烧"),
                leave("张三今天下午请假 看牙", "张三", "2026-11-24", "2026-11-24", DayPart.AFTERNOON, "看牙"),
                leave("张三明后两天请假 回老家", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, "回老家"),
                leave("张三明后天请假", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, ""),
                leave("张三今明两天请假", "张三", "2026-11-24", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三25日至26日请假", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, ""),
                leave("张三25-26日请假", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, ""),
                leave("张三25到26号请假", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, ""),
                leave("张三11月25日到27日请假 参加亲戚婚礼", "张三", "2026-11-25", "2026-11-27", DayPart.FULL_DAY,
                        "参加亲戚婚礼"),
                leave("张三11.25-26请假", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, ""),
                leave("张三11.25~11.27请假", "张三", "2026-11-25", "2026-11-27", DayPart.FULL_DAY, ""),
                leave("张三周三到周五请假", "张三", "2026-11-25", "2026-11-27", DayPart.FULL_DAY, ""),
                leave("张三11月30日到2日请假", "张三", "2026-11-30", "2026-12-02", DayPart.FULL_DAY, ""),
                leave("张三明天、后天请假", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, ""),
                leave("老师好，我家孩子张三明天发烧，请假一天，谢谢老师！", "张三", "2026-11-25", "2026-11-25",
                        DayPart.FULL_DAY, "发烧"),
                leave("张三明天起请假3天 发烧", "张三", "2026-11-25", "2026-11-27", DayPart.FULL_DAY, "发烧"),
                leave("请两天假 张三 明天 发烧", "张三", "2026-11-25", "2026-11-26", DayPart.FULL_DAY, "发烧"),
                leave("张三 十一月二十五日 请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三二十五号请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三明早请假 看病", "张三", "2026-11-25", "2026-11-25", DayPart.MORNING, "看病"),
                leave("张三请假 明天上午", "张三", "2026-11-25", "2026-11-25", DayPart.MORNING, ""),
                leave("张三明天上午请半天假 打疫苗", "张三", "2026-11-25", "2026-11-25", DayPart.MORNING, "打疫苗"),
                leave("张三明天下半天请假", "张三", "2026-11-25", "2026-11-25", DayPart.AFTERNOON, ""),
                leave("张三明天全天请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("张三明天上午下午都请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "都"),
                leave("张三昨天发烧请假了", "张三", "2026-11-23", "2026-11-23", DayPart.FULL_DAY, "发烧"),
                leave("张三明天病假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "病假"),
                leave("张三明天请病假 咳嗽", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "咳嗽"),
                leave("因张三发烧，明天请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "发烧"),
                leave("张 三 明天 请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("1号请假", "张三", "2026-12-01", "2026-12-01", DayPart.FULL_DAY, ""),
                leave("张三明天请假😷发烧🤒", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "发烧"),
                leave("张三\u200b明天请假", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                // 谢谢 and 麻烦 start with a surname character but are no names.
                leave("老师好，明天请假，谢谢！", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, ""),
                leave("明天请假 发烧 麻烦老师了", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "发烧"),
                leave("明天请假 高烧", "张三", "2026-11-25", "2026-11-25", DayPart.FULL_DAY, "高烧"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaveRequests")
    void readsALeaveRequest(String text, String student, LocalDate from, LocalDate to, DayPart part, String reason) {
        assertThat(ReplyParser.parse(text, TUESDAY, ONE_CHILD))
                .isEqualTo(new LeaveRequest(student, from, to, part, reason));
    }

    static Stream<Arguments> aroundTheYearEnd() {
        return Stream.of(
                Arguments.of("2026-12-30", "张三1月2日请假", "2027-01-02", "2027-01-02"),
                Arguments.of("2026-12-30", "张三12月30日-1月2日请假", "2026-12-30", "2027-01-02"),
                Arguments.of("2026-12-30", "张三12月28日请假", "2026-12-28", "2026-12-28"),
                Arguments.of("2026-12-30", "张三3号请假", "2027-01-03", "2027-01-03"),
                Arguments.of("2026-12-30", "张三30号到2号请假", "2026-12-30", "2027-01-02"),
                Arguments.of("2026-12-30", "张三周五请假", "2027-01-01", "2027-01-01"),
                Arguments.of("2026-12-30", "张三下周一请假", "2027-01-04", "2027-01-04"),
                Arguments.of("2027-01-02", "张三12月30日请假", "2026-12-30", "2026-12-30"),
                Arguments.of("2027-01-02", "张三12.31-1.4请假", "2026-12-31", "2027-01-04"),
                Arguments.of("2026-12-31", "张三明天请假", "2027-01-01", "2027-01-01"),
                Arguments.of("2028-02-28", "张三明天请假", "2028-02-29", "2028-02-29"),
                Arguments.of("2028-02-20", "张三2月29日请假", "2028-02-29", "2028-02-29"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("aroundTheYearEnd")
    void resolvesDatesAcrossTheYearEnd(String today, String text, String from, String to) {
        assertThat(ReplyParser.parse(text, LocalDate.parse(today), ONE_CHILD)).isEqualTo(
                new LeaveRequest("张三", LocalDate.parse(from), LocalDate.parse(to), DayPart.FULL_DAY, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaveRequests")
    void theSameRequestFromAParentOfSeveralChildrenNeedsTheNameOnlyWhenItIsMissing(
            String text, String student, LocalDate from, LocalDate to, DayPart part, String reason) {
        ReplyIntent intent = ReplyParser.parse(text, TUESDAY, TWO_CHILDREN);
        if (text.replace(" ", "").contains("张三")) {
            assertThat(intent).isEqualTo(new LeaveRequest(student, from, to, part, reason));
        } else {
            assertThat(intent).isInstanceOfSatisfying(NeedsClarification.class, c -> {
                assertThat(c.problems()).containsExactly(Problem.STUDENT_NOT_NAMED);
                assertThat(c.from()).isEqualTo(from);
                assertThat(c.to()).isEqualTo(to);
            });
        }
    }

    static Stream<Arguments> childIdentification() {
        return Stream.of(
                Arguments.of("李四明天请假 发烧", List.of("张三", "李四"), "李四"),
                Arguments.of("小明明天请假", List.of("王小明"), "王小明"),
                Arguments.of("小明明天请假", List.of("王小明", "王小红"), "王小明"),
                Arguments.of("娜娜明天请假", List.of("欧阳娜娜", "张三"), "欧阳娜娜"),
                Arguments.of("张三丰明天请假", List.of("张三", "张三丰"), "张三丰"),
                Arguments.of("明天请假 张三丰", List.of("张三丰", "张三"), "张三丰"),
                Arguments.of("Tom明天请假", List.of("TOM", "李四"), "TOM"),
                Arguments.of("张三明天请假，张三发烧", List.of("张三", "李四"), "张三"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("childIdentification")
    void findsTheChildByFullOrGivenName(String text, List<String> children, String expected) {
        assertThat(ReplyParser.parse(text, TUESDAY, children))
                .isInstanceOfSatisfying(LeaveRequest.class, leave -> assertThat(leave.studentName()).isEqualTo(expected));
    }

    private static Arguments clarify(String text, List<String> children, Problem... problems) {
        return Arguments.of(text, children, Arrays.asList(problems));
    }

    static Stream<Arguments> clarifications() {
        return Stream.of(
                clarify("明天请假", TWO_CHILDREN, Problem.STUDENT_NOT_NAMED),
                clarify("明天请假", List.of(), Problem.STUDENT_UNKNOWN),
                clarify("王五明天请假", ONE_CHILD, Problem.STUDENT_UNKNOWN),
                clarify("请假 王五 明天 发烧", TWO_CHILDREN, Problem.STUDENT_UNKNOWN),
                clarify("明天请假 王五,发烧", ONE_CHILD, Problem.STUDENT_UNKNOWN),
                clarify("老师好，欧阳娜娜明天请假", ONE_CHILD, Problem.STUDENT_UNKNOWN),
                clarify("张三李四明天请假", TWO_CHILDREN, Problem.SEVERAL_STUDENTS),
                clarify("张三请假 发烧", ONE_CHILD, Problem.DATE_MISSING),
                clarify("请假", TWO_CHILDREN, Problem.STUDENT_NOT_NAMED, Problem.DATE_MISSING),
                clarify("张三请假3天", ONE_CHILD, Problem.DATE_MISSING),
                clarify("张三2月30日请假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三13月1日请假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三32号请假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三明后两天上午请假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三明天请半天假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三明天全天上午请假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三明天和下周五请假", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三明后两天请假3天", ONE_CHILD, Problem.DATE_UNCLEAR),
                clarify("张三11月1日至12月31日请假", ONE_CHILD, Problem.DATE_OUT_OF_RANGE),
                clarify("张三11月10日请假", ONE_CHILD, Problem.DATE_OUT_OF_RANGE),
                clarify("张三2026年11月1日请假", ONE_CHILD, Problem.DATE_OUT_OF_RANGE),
                clarify("张三2027年11月25日请假", ONE_CHILD, Problem.DATE_OUT_OF_RANGE),
                clarify("张三11月26日-11月25日请假", ONE_CHILD, Problem.DATE_OUT_OF_RANGE),
                clarify("张三明天请假40天", ONE_CHILD, Problem.DATE_OUT_OF_RANGE));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clarifications")
    void asksWhenSomethingIsMissingOrDoubtful(String text, List<String> children, List<Problem> problems) {
        assertThat(ReplyParser.parse(text, TUESDAY, children)).isInstanceOfSatisfying(NeedsClarification.class,
                c -> assertThat(c.problems()).containsExactlyInAnyOrderElementsOf(problems));
    }

    @org.junit.jupiter.api.Test
    void aClarificationKeepsWhatWasUnderstood() {
        assertThat(ReplyParser.parse("王五明天上午请假 看病", TUESDAY, ONE_CHILD)).isEqualTo(new NeedsClarification(
                java.util.Set.of(Problem.STUDENT_UNKNOWN), null, "王五", TUESDAY.plusDays(1), TUESDAY.plusDays(1),
                DayPart.MORNING, "看病"));
        assertThat(ReplyParser.parse("明天请假 发烧", TUESDAY, TWO_CHILDREN)).isEqualTo(new NeedsClarification(
                java.util.Set.of(Problem.STUDENT_NOT_NAMED), null, null, TUESDAY.plusDays(1), TUESDAY.plusDays(1),
                DayPart.FULL_DAY, "发烧"));
    }
}

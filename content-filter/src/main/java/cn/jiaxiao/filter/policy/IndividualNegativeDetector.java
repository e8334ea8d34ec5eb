package cn.jiaxiao.filter.policy;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.text.StudentMentions;

import java.util.List;

/**
 * Negative remarks about a named student in a group message (class-group rules: one student's problem is
 * discussed with his own parents, never in the group). Skipped when the caller says the notice goes to that
 * student's guardians only.
 */
public final class IndividualNegativeDetector implements Detector {

    private static final List<String> REMARKS = List.of("作弊", "打架", "斗殴", "偷窃", "偷东西", "偷拿", "屡教不改",
            "不思进取", "违纪", "处分", "记过", "警告处分", "顶撞老师", "顶撞", "欺负同学", "欺负", "抄袭", "逃课", "逃学",
            "上课睡觉", "上课讲话", "不交作业", "不写作业", "拖欠作业", "拖后腿", "成绩太差", "成绩很差", "成绩最差",
            "成绩差", "倒数", "不及格", "早恋", "说谎", "撒谎", "骂人", "沉迷游戏", "沉迷手机", "玩手机", "吸烟", "抽烟",
            "喝酒", "不听话", "太调皮", "调皮捣蛋", "屡次", "影响全班", "害群之马", "差生", "问题学生", "笨", "懒惰",
            "懒散", "自私", "没有教养", "没家教", "品行恶劣", "劣迹", "被批评", "通报批评", "严重违反", "损坏公物");
    private static final int RADIUS = 30;

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        StudentMentions.flagWordsAfterMentions(input, REMARKS, RADIUS, Category.INDIVIDUAL_NEGATIVE, "policy.individual-negative", out);
    }
}

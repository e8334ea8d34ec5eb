package cn.jiaxiao.filter.personal;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.text.StudentMentions;

import java.util.List;

/**
 * Health conditions tied to a named student (special-constitution and disease records are confidential).
 * Generic health advice without a name (预防流感, 有哮喘的学生请告知班主任) is not a finding.
 */
public final class HealthNearNameDetector implements Detector {

    private static final List<String> CONDITIONS = List.of("癫痫", "抑郁症", "抑郁", "焦虑症", "心脏病", "先天性心脏病",
            "哮喘", "乙肝", "肝炎", "艾滋", "HIV", "精神病", "精神疾病", "精神分裂", "自闭症", "孤独症", "多动症", "糖尿病",
            "白血病", "肺结核", "结核", "肿瘤", "癌症", "特异体质", "过敏体质", "残疾", "心理疾病", "心理问题",
            "智力障碍", "传染病", "水痘", "手足口", "诺如", "感染", "阳性", "住院", "尿床", "遗尿");
    private static final int RADIUS = 30;

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        StudentMentions.flagWordsAfterMentions(input, CONDITIONS, RADIUS, Category.PERSONAL_DATA, "personal.health", out);
    }
}

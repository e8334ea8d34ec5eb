package cn.jiaxiao.filter.personal;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;
import cn.jiaxiao.filter.text.StartCharPattern;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A home address after 家住 / 家庭住址 / 住在. The school's own address (地址：…路88号) is fine, so the cue word
 * is required.
 */
public final class HomeAddressDetector implements Detector {

    /** Start chars: the first chars of the cue words. */
    private static final StartCharPattern ADDRESS = new StartCharPattern(Pattern.compile(
            "(?:家住|家庭住址|家庭地址|住址|住在|居住地址|家的地址)[：:为是]?\\s*"
                    + "[\\u4e00-\\u9fa50-9０-９\\-－]{2,30}?(?:路|街|巷|道|弄|村|小区|花园|苑|公寓|大厦)[\\u4e00-\\u9fa50-9０-９\\-－栋幢单元室号楼]{0,16}"), "家住居");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*[0-9０-９].*");

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        if (text.indexOf('住') < 0 && text.indexOf("地址") < 0) {
            return;
        }
        StartCharPattern.Scan m = ADDRESS.scan(text);
        while (m.find()) {
            String s = m.matcher().group();
            if (HAS_DIGIT.matcher(s).matches()) {
                out.add(Finding.of(text, Category.PERSONAL_DATA, Severity.BLOCK, m.start(), m.end(),
                        "personal.address", null));
            }
        }
    }
}

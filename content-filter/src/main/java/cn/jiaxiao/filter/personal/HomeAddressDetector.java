package cn.jiaxiao.filter.personal;

import cn.jiaxiao.filter.Category;
import cn.jiaxiao.filter.CheckInput;
import cn.jiaxiao.filter.Detector;
import cn.jiaxiao.filter.Finding;
import cn.jiaxiao.filter.Severity;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A home address after 家住 / 家庭住址 / 住在. The school's own address (地址：…路88号) is fine, so the cue word
 * is required.
 */
public final class HomeAddressDetector implements Detector {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?:家住|家庭住址|家庭地址|住址|住在|居住地址|家的地址)[：:为是]?\\s*"
                    + "[\\u4e00-\\u9fa50-9０-９\\-－]{2,30}?(?:路|街|巷|道|弄|村|小区|花园|苑|公寓|大厦)[\\u4e00-\\u9fa50-9０-９\\-－栋幢单元室号楼]{0,16}");

    @Override
    public void detect(CheckInput input, List<Finding> out) {
        String text = input.text();
        if (text.indexOf('住') < 0 && text.indexOf("地址") < 0) {
            return;
        }
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            String s = m.group();
            if (s.matches(".*[0-9０-９].*")) {
                out.add(Finding.of(text, Category.PERSONAL_DATA, Severity.BLOCK, m.start(), m.end(),
                        "personal.address", null));
            }
        }
    }
}

package cn.jiaxiao.routes.quota;

import cn.jiaxiao.provisioning.problem.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notice refused up front (422) because it would exceed an SMS quota or the per-recipient daily cap.
 * Nothing of it is queued. {@link #properties()} are the problem's extra fields ({@code quota}, or
 * {@code recipients} and {@code cap}).
 */
public class QuotaExceededException extends ProblemException {

    public static final String SMS_TITLE = "短信额度不足";
    public static final String RECIPIENT_TITLE = "家长今日接收通知已达上限";

    private final String title;
    private final Map<String, Object> properties;

    private QuotaExceededException(String title, String detail, Map<String, Object> properties) {
        super(Kind.UNPROCESSABLE, null, detail);
        this.title = title;
        this.properties = properties;
    }

    static QuotaExceededException sms(List<QuotaShortfall> shortfalls) {
        String detail = "短信额度不足，通知未提交发送：" + String.join("；",
                shortfalls.stream().map(QuotaShortfall::describe).toList())
                + "。请减少收件人或缩短内容，或请账号管理员调整额度（紧急通知不受额度限制）。";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("quota", shortfalls);
        return new QuotaExceededException(SMS_TITLE, detail, properties);
    }

    static QuotaExceededException recipients(int over, int recipients, int cap) {
        String detail = "有 " + over + " 位家长今天已收到 " + cap + " 条非紧急通知（每位家长每天最多 " + cap
                + " 条），本通知的 " + recipients + " 位家长收件人中不能再给他们发送；通知未提交发送。"
                + "请改天发送或去掉这些家长（紧急通知不受此限制）。";
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("recipients", over);
        properties.put("cap", cap);
        return new QuotaExceededException(RECIPIENT_TITLE, detail, properties);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

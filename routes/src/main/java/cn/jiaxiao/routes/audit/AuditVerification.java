package cn.jiaxiao.routes.audit;

/**
 * The outcome of walking the audit chain. {@code rowsChecked} counts the rows read up to and including
 * the first broken one; {@code problem} is English for logs, {@link #message()} Chinese for the API.
 */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenId, String problem) {

    static AuditVerification intact(long rowsChecked) {
        return new AuditVerification(true, rowsChecked, null, null);
    }

    static AuditVerification broken(long rowsChecked, long brokenId, String problem) {
        return new AuditVerification(false, rowsChecked, brokenId, problem);
    }

    public String message() {
        if (intact) {
            return "审计链完整，共 " + rowsChecked + " 条记录";
        }
        return "审计链在编号 " + firstBrokenId + " 的记录处断开：该记录或其之前的记录被篡改、删除或插入";
    }
}

package cn.jiaxiao.bench;

/** The messages both sides send: one single-part UCS-2 text, each to its own number. */
final class Workload {

    /** One UCS-2 part (70 characters at most). */
    static final String BODY = "您的孩子已安全到校。【示范中学】";

    private Workload() {
    }

    /** A distinct mainland mobile number per message (national form), so that each is its own message group. */
    static String recipient(int i) {
        return "139" + String.format("%08d", i);
    }
}

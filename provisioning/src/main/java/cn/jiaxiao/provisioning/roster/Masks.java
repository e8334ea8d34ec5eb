package cn.jiaxiao.provisioning.roster;

/** E-mail addresses are contact data too: shown as {@code p***@example.com}. */
final class Masks {

    private Masks() {
    }

    static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }
}

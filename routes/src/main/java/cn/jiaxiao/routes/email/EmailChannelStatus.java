package cn.jiaxiao.routes.email;

/**
 * Whether the gateway sends e-mail: only with a mail server configured ({@code spring.mail.host}) and not switched
 * off ({@code jiaxiao.email.enabled=false}). The fan-out reads it: without it, no guardian gets an EMAIL message,
 * and the e-mail sender route does not run.
 *
 * @param reason why it is off (for the logs and the notice form), or null when on
 */
public record EmailChannelStatus(boolean enabled, String reason) {

    public static EmailChannelStatus on() {
        return new EmailChannelStatus(true, null);
    }

    public static EmailChannelStatus off(String reason) {
        return new EmailChannelStatus(false, reason);
    }
}

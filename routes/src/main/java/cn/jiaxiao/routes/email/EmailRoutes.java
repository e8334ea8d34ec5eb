package cn.jiaxiao.routes.email;

import cn.jiaxiao.routes.support.Queues;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailMessage;

/**
 * The e-mail legs: queued messages out over SMTP ({@code email-send}, transacted like the SMS sender: a batch the
 * mail server could not take is rolled back to the broker and delivered again), and bounces in from the bounce
 * mailbox ({@code email-bounces}). Each route exists only when its side is configured.
 */
public class EmailRoutes extends RouteBuilder {

    private final EmailSender sender;
    private final int consumers;
    private final String bounceMailbox;
    private final BounceHandler bounces;

    /**
     * @param sender        null: no SMTP server configured, queued e-mails wait in the broker
     * @param bounceMailbox a camel-mail consumer URI ({@link BounceMailbox#uri()}), or null: no bounce polling
     */
    public EmailRoutes(EmailSender sender, int consumers, String bounceMailbox, BounceHandler bounces) {
        this.sender = sender;
        this.consumers = consumers;
        this.bounceMailbox = bounceMailbox;
        this.bounces = bounces;
    }

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logStackTrace(false).logExhaustedMessageHistory(false));

        if (sender != null) {
            from(Queues.consume(Queues.EMAIL_OUTBOUND, consumers))
                    .routeId("email-send")
                    .bean(sender, "sendBatch");
        }
        if (bounceMailbox != null && bounces != null) {
            from(bounceMailbox)
                    .routeId("email-bounces")
                    .process(exchange -> bounces.handle(mail(exchange)));
        }
    }

    /** A copy of the polled mail, read in full while the folder is still open. */
    static Message mail(Exchange exchange) throws jakarta.mail.MessagingException {
        Message original = exchange.getIn(MailMessage.class).getOriginalMessage();
        return original instanceof MimeMessage mime ? new MimeMessage(mime) : original;
    }
}

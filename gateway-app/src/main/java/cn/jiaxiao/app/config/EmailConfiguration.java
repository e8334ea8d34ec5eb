package cn.jiaxiao.app.config;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.HeldMessages;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.email.BounceHandler;
import cn.jiaxiao.routes.email.BounceMailbox;
import cn.jiaxiao.routes.email.BounceParser;
import cn.jiaxiao.routes.email.EmailChannelStatus;
import cn.jiaxiao.routes.email.EmailComposer;
import cn.jiaxiao.routes.email.EmailRoutes;
import cn.jiaxiao.routes.email.EmailSender;
import cn.jiaxiao.routes.email.EmailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The e-mail channel. The SMTP server is Spring Boot's own {@code spring.mail.*}: its {@link JavaMailSender} exists
 * only when {@code spring.mail.host} is set, and without it the gateway runs without e-mail — no sender route,
 * and {@link EmailChannelStatus#enabled()} false for the fan-out. Bounces are polled from
 * {@code jiaxiao.email.bounces.*} when its host is set.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailConfiguration.class);

    /** What the fan-out reads to know whether guardians can get e-mail. */
    @Bean
    EmailChannelStatus emailChannelStatus(ObjectProvider<JavaMailSender> mail, JiaxiaoProperties properties) {
        Boolean wanted = properties.getEmail().getEnabled();
        if (Boolean.FALSE.equals(wanted)) {
            log.info("E-mail is switched off (jiaxiao.email.enabled=false)");
            return EmailChannelStatus.off("e-mail is switched off (jiaxiao.email.enabled=false)");
        }
        if (mail.getIfAvailable() == null) {
            if (Boolean.TRUE.equals(wanted)) {
                log.warn("jiaxiao.email.enabled=true but spring.mail.host is not set: e-mail stays off");
            } else {
                log.info("No mail server configured (spring.mail.host): e-mail is off");
            }
            return EmailChannelStatus.off("e-mail not configured: spring.mail.host is not set");
        }
        return EmailChannelStatus.on();
    }

    @Bean
    EmailRoutes emailRoutes(EmailChannelStatus status, ObjectProvider<JavaMailSender> mail,
            ObjectProvider<ChannelMessageRepository> channelMessages, OutboundMessageRepository outbound,
            NamedParameterJdbcTemplate jdbc, ContactCipher cipher, TransactionTemplate tx,
            JiaxiaoProperties properties, HeldMessages held) {
        JiaxiaoProperties.Email email = properties.getEmail();
        ChannelMessageRepository messages = channelMessages.getObject();
        EmailSender sender = null;
        if (status.enabled()) {
            String displayName = email.getDisplayName() == null || email.getDisplayName().isBlank()
                    ? properties.getSignature() : email.getDisplayName();
            sender = new EmailSender(messages, mail.getObject(),
                    new EmailComposer(new EmailSettings(email.getFrom(), displayName)), tx, held);
            log.info("E-mail on: sent as {} <{}>", displayName, email.getFrom());
        }
        String bounceUri = null;
        JiaxiaoProperties.Bounces bounces = email.getBounces();
        if (bounces.getHost() != null && !bounces.getHost().isBlank()) {
            BounceMailbox mailbox = new BounceMailbox(bounces.getProtocol(), bounces.getHost(), bounces.getPort(),
                    bounces.getUsername(), bounces.getPassword(), bounces.getFolder(), bounces.getPollInterval());
            bounceUri = mailbox.uri();
            log.info("Bounces polled from {} every {}", mailbox, mailbox.pollInterval());
        }
        return new EmailRoutes(sender, email.getConsumers(), bounceUri,
                new BounceHandler(new BounceParser(), messages, jdbc));
    }
}

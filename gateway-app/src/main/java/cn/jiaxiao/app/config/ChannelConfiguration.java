package cn.jiaxiao.app.config;

import cn.jiaxiao.routes.fanout.ChannelChoice;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.push.PushAvailability;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Which channels this gateway can send on: SMS always, e-mail once a mail server is configured, app push. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    ChannelChoice channelChoice(Environment environment, PushAvailability push) {
        Set<Channel> available = EnumSet.of(Channel.SMS);
        if (push.enabled()) {
            available.add(Channel.PUSH);
        }
        if (!environment.getProperty("spring.mail.host", "").isBlank()) {
            available.add(Channel.EMAIL);
        }
        return new ChannelChoice(available);
    }
}

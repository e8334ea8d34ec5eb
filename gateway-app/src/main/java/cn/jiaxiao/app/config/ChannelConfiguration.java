package cn.jiaxiao.app.config;

import cn.jiaxiao.routes.fanout.ChannelChoice;
import cn.jiaxiao.routes.notice.Channel;
import cn.jiaxiao.routes.email.EmailChannelStatus;
import cn.jiaxiao.routes.push.PushAvailability;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which channels this gateway can send on: SMS always, e-mail once a mail server is configured, app push. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    ChannelChoice channelChoice(EmailChannelStatus email, PushAvailability push) {
        Set<Channel> available = EnumSet.of(Channel.SMS);
        if (push.enabled()) {
            available.add(Channel.PUSH);
        }
        if (email.enabled()) {
            available.add(Channel.EMAIL);
        }
        return new ChannelChoice(available);
    }
}

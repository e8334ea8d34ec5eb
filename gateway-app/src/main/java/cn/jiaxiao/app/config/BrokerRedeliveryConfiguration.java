package cn.jiaxiao.app.config;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redelivery for the embedded broker: a message whose processing failed comes back after a growing delay,
 * and one that keeps failing lands in a dead-letter queue {@code DLQ.<queue>} instead of being dropped.
 * An external broker needs the same address settings (docker/broker.xml).
 */
@Configuration(proxyBeanMethods = false)
class BrokerRedeliveryConfiguration {

    @Bean
    ArtemisConfigurationCustomizer redeliveryAndDeadLetters() {
        return configuration -> configuration.addAddressSetting("#", new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(30)
                .setDeadLetterAddress(SimpleString.of("DLA"))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
    }
}

package cn.jiaxiao.app.durability;

import java.nio.file.Path;
import java.util.Set;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManagerImpl;

/**
 * An ActiveMQ Artemis broker in a JVM of its own (started by {@link ExternalBroker}): a TCP acceptor, a
 * persistent journal, login required, and the address settings of docker/broker.xml (redelivery with back-off,
 * dead letters). Arguments: data directory, port, user, password. Prints "BROKER STARTED" when it accepts.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("jiaxiao-test-broker");
        config.setPersistenceEnabled(true);
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("netty", "tcp://127.0.0.1:" + port);
        config.setSecurityEnabled(true);
        config.putSecurityRoles("#", Set.of(new Role("gateway", true, true, true, true, true, true, true, true,
                true, true, true, true)));
        config.addAddressSetting("#", new AddressSettings()
                .setRedeliveryDelay(1_000)
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(60_000)
                .setMaxDeliveryAttempts(30)
                .setDeadLetterAddress(SimpleString.of("DLA"))
                .setAutoCreateDeadLetterResources(true)
                .setDeadLetterQueuePrefix(SimpleString.of("DLQ."))
                .setExpiryAddress(SimpleString.of("ExpiryQueue")));
        ActiveMQSecurityManagerImpl security = new ActiveMQSecurityManagerImpl();
        security.getConfiguration().addUser(args[2], args[3]);
        security.getConfiguration().addRole(args[2], "gateway");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.setSecurityManager(security);
        broker.start();
        System.out.println("BROKER STARTED");
        System.out.flush();
        Thread.currentThread().join();
    }
}

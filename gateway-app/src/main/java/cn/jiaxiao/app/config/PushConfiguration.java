package cn.jiaxiao.app.config;

import cn.jiaxiao.provisioning.contact.ContactCipher;
import cn.jiaxiao.routes.delivery.HeldMessages;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.OutboundMessageRepository;
import cn.jiaxiao.routes.push.FcmSender;
import cn.jiaxiao.routes.push.GoogleAccessTokens;
import cn.jiaxiao.routes.push.PushAcknowledgements;
import cn.jiaxiao.routes.push.PushAvailability;
import cn.jiaxiao.routes.push.PushChannelSender;
import cn.jiaxiao.routes.push.PushDispatcher;
import cn.jiaxiao.routes.push.PushRoutes;
import cn.jiaxiao.routes.push.PushSender;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.push.PushTarget;
import cn.jiaxiao.routes.push.ServiceAccount;
import cn.jiaxiao.routes.push.VapidAuth;
import cn.jiaxiao.routes.push.VapidKeyStore;
import cn.jiaxiao.routes.push.VapidKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The app push channel (README "App push"): subscriptions, the {@code push-send} route over FCM and Web Push,
 * acknowledgements, and {@link PushAvailability} for the fan-out. The push services are reached on the
 * system clock: they check the JWTs' times against theirs.
 */
@Configuration(proxyBeanMethods = false)
class PushConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PushConfiguration.class);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** Public: a browser fetches the VAPID key before it subscribes, and a device acks with its own target. */
    @Bean
    @Order(0)
    SecurityFilterChain pushPublicEndpoints(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/push/vapid-public-key", "/api/push/ack")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    PushSubscriptionRepository pushSubscriptionRepository(NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        return new PushSubscriptionRepository(jdbc, cipher);
    }

    /** The configured pair, or the one generated on the first start and kept in the database. */
    @Bean
    VapidKeys vapidKeys(JiaxiaoProperties properties, NamedParameterJdbcTemplate jdbc, ContactCipher cipher) {
        JiaxiaoProperties.Push.WebPush web = properties.getPush().getWebpush();
        boolean publicSet = web.getVapidPublicKey() != null && !web.getVapidPublicKey().isBlank();
        boolean privateSet = web.getVapidPrivateKey() != null && !web.getVapidPrivateKey().isBlank();
        if (publicSet != privateSet) {
            throw new IllegalStateException("Set both jiaxiao.push.webpush.vapid-public-key and vapid-private-key,"
                    + " or neither (then the gateway generates a pair and keeps it in the database)");
        }
        if (publicSet) {
            return VapidKeys.fromBase64Url(web.getVapidPublicKey().trim(), web.getVapidPrivateKey().trim());
        }
        VapidKeys stored = new VapidKeyStore(jdbc, cipher).loadOrCreate();
        log.info("Web Push uses the gateway's own VAPID key pair (kept in the database), public key {}",
                stored.publicKeyBase64Url());
        return stored;
    }

    @Bean
    PushAvailability pushAvailability(JiaxiaoProperties properties) {
        PushAvailability availability = PushAvailability.of(properties.getPush().isEnabled(),
                properties.getPush().getFcm().getServiceAccountFile() != null, true);
        log.info("App push {}: FCM {}, Web Push {}", availability.enabled() ? "enabled" : "disabled",
                availability.fcm() ? "on" : "off (no jiaxiao.push.fcm.service-account-file)",
                availability.webPush() ? "on" : "off");
        return availability;
    }

    @Bean
    PushDispatcher pushDispatcher(JiaxiaoProperties properties, VapidKeys vapidKeys) {
        JiaxiaoProperties.Push push = properties.getPush();
        Duration timeout = push.getRequestTimeout();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new PushDispatcher(fcm(push, http, timeout), webPush(push, vapidKeys, http, timeout));
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService pushSenders(JiaxiaoProperties properties) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(Math.max(1, properties.getPush().getThreads()), runnable -> {
            Thread thread = new Thread(runnable, "push-send-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    PushRoutes pushRoutes(ChannelMessageRepository channelMessages, NamedParameterJdbcTemplate jdbc, ContactCipher cipher, OutboundMessageRepository outbox,
            JiaxiaoProperties properties, PushSubscriptionRepository subscriptions, PushDispatcher dispatcher,
            ExecutorService pushSenders, HeldMessages held) {
        return new PushRoutes(new PushChannelSender(channelMessages, subscriptions,
                dispatcher, pushSenders, PushChannelSender.DEFAULT_MAX_ATTEMPTS, held),
                Math.max(1, properties.getPush().getConsumers()));
    }

    @Bean
    PushAcknowledgements pushAcknowledgements(ChannelMessageRepository channelMessages, NamedParameterJdbcTemplate jdbc, ContactCipher cipher,
            OutboundMessageRepository outbox, JiaxiaoProperties properties,
            PushSubscriptionRepository subscriptions) {
        return new PushAcknowledgements(jdbc, channelMessages, subscriptions);
    }

    /** Its own instance, not a bean: the e-mail channel makes one too, and the repository holds no state. */

    private static PushSender fcm(JiaxiaoProperties.Push push, HttpClient http, Duration timeout) {
        JiaxiaoProperties.Push.Fcm fcm = push.getFcm();
        if (fcm.getServiceAccountFile() == null) {
            return null;
        }
        ServiceAccount account = ServiceAccount.read(fcm.getServiceAccountFile());
        if (fcm.getTokenUri() != null) {
            account = account.withTokenUri(fcm.getTokenUri());
        }
        Clock clock = Clock.systemUTC();
        URI base = fcm.getBaseUrl() == null ? FcmSender.DEFAULT_BASE_URL : fcm.getBaseUrl();
        log.info("FCM sends for project {} as {}", account.projectId(), account.clientEmail());
        return new FcmSender(base, account.projectId(), new GoogleAccessTokens(account, http, clock, timeout), http,
                clock, timeout);
    }

    /**
     * Web Push over https only, except, with {@code allow-loopback-http}, endpoints on this machine: the demo's
     * push inbox. The API refuses anything but https endpoints, so only the demo seeding stores such a one.
     */
    private static PushSender webPush(JiaxiaoProperties.Push push, VapidKeys keys, HttpClient http, Duration timeout) {
        JiaxiaoProperties.Push.WebPush web = push.getWebpush();
        VapidAuth vapid = new VapidAuth(keys, web.getSubject(), Clock.systemUTC());
        PushSender strict = new cn.jiaxiao.routes.push.WebPushSender(vapid, http, timeout);
        if (!web.isAllowLoopbackHttp()) {
            return strict;
        }
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        PushSender loopback = new cn.jiaxiao.routes.push.WebPushSender(vapid, plain, timeout, true, Clock.systemUTC());
        return (target, message) -> isLoopbackHttp(target) ? loopback.send(target, message)
                : strict.send(target, message);
    }

    private static boolean isLoopbackHttp(PushTarget target) {
        if (!(target instanceof PushTarget.WebPushSubscription web)) {
            return false;
        }
        try {
            URI uri = URI.create(web.endpoint());
            return "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

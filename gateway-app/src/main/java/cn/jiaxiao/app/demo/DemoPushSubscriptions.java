package cn.jiaxiao.app.demo;

import cn.jiaxiao.app.config.JiaxiaoProperties;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.push.PushTarget;
import cn.jiaxiao.routes.push.VapidKeys;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo only: once the demo school is seeded (the runners have run) and no push subscription was ever stored,
 * every third guardian of class 7-1 gets a Web Push subscription at the gateway's own {@link DemoPushInbox}.
 * The browser key is a fresh P-256 public key whose private half is thrown away; see the inbox for why.
 */
@Component
class DemoPushSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(DemoPushSubscriptions.class);

    private final JiaxiaoProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final PushSubscriptionRepository subscriptions;
    private final SecureRandom random = new SecureRandom();

    DemoPushSubscriptions(JiaxiaoProperties properties, NamedParameterJdbcTemplate jdbc,
            PushSubscriptionRepository subscriptions) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
    }

    @EventListener
    void seed(ApplicationReadyEvent ready) {
        String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (!properties.getDemo().isEnabled() || port == null) {
            return;
        }
        // "No subscription was ever stored", not "none is stored": deleting the demo ones must not bring them back.
        Boolean used = jdbc.queryForObject("select is_called from push_subscription_id_seq", Map.of(), Boolean.class);
        if (Boolean.TRUE.equals(used)) {
            return;
        }
        List<Long> guardians = jdbc.queryForList("""
                select distinct gs.guardian_id from guardian_student gs join student s on s.id = gs.student_id
                join unit c on c.id = s.class_id where c.code = '7-1' and c.name = '七年级1班'
                order by gs.guardian_id""", Map.of(), Long.class);
        int registered = 0;
        for (int i = 0; i < guardians.size(); i += 3) {
            byte[] auth = new byte[16];
            random.nextBytes(auth);
            String endpoint = "http://127.0.0.1:" + port + "/demo/push/g" + guardians.get(i) + "-"
                    + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            subscriptions.register(guardians.get(i), PushTarget.webPush(endpoint,
                    VapidKeys.generate().publicKeyBase64Url(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(auth)), "演示浏览器");
            registered++;
        }
        if (registered > 0) {
            log.info("Demo: {} guardians of 7-1 have a Web Push subscription at the demo push inbox"
                    + " (GET /api/push/demo-inbox)", registered);
        }
    }
}

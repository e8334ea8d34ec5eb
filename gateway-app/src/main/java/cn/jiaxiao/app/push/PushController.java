package cn.jiaxiao.app.push;

import cn.jiaxiao.app.security.CurrentAccount;
import cn.jiaxiao.provisioning.account.StaffAccount;
import cn.jiaxiao.provisioning.audit.AdminAuditLog;
import cn.jiaxiao.provisioning.people.GuardianScope;
import cn.jiaxiao.provisioning.problem.ProblemException;
import cn.jiaxiao.routes.push.PushAcknowledgements;
import cn.jiaxiao.routes.push.PushSubscriptionRepository;
import cn.jiaxiao.routes.push.PushSubscriptionRepository.Kind;
import cn.jiaxiao.routes.push.PushTarget;
import cn.jiaxiao.routes.push.PushTargetRules;
import cn.jiaxiao.routes.push.VapidKeys;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Guardians' push subscriptions and the devices' acknowledgements. Guardians have no accounts: the school's
 * app backend registers their devices with a staff account's token, or staff do it by hand, in both cases only
 * for guardians of children within the account's scope (as the roster is). The VAPID key and the ack are public.
 */
@RestController
@RequestMapping("/api/push")
class PushController {

    private static final int MAX_LABEL = 80;

    private final CurrentAccount current;
    private final GuardianScope scope;
    private final PushSubscriptionRepository subscriptions;
    private final PushAcknowledgements acks;
    private final VapidKeys vapidKeys;
    private final AdminAuditLog audit;

    PushController(CurrentAccount current, GuardianScope scope, PushSubscriptionRepository subscriptions,
            PushAcknowledgements acks, VapidKeys vapidKeys, AdminAuditLog audit) {
        this.current = current;
        this.scope = scope;
        this.subscriptions = subscriptions;
        this.acks = acks;
        this.vapidKeys = vapidKeys;
        this.audit = audit;
    }

    record NewSubscription(Long guardianId, String kind, String token, String endpoint, String p256dh, String auth,
            String label) {
    }

    record SubscriptionView(long id, long guardianId, String kind, String target, String label, boolean active,
            Instant createdAt, Instant lastSuccessAt, Instant prunedAt, String pruneReason) {

        static SubscriptionView of(PushSubscriptionRepository.Subscription s) {
            return new SubscriptionView(s.id(), s.guardianId(), s.kind().name(), s.target(), s.label(), s.active(),
                    s.createdAt(), s.lastSuccessAt(), s.prunedAt(), s.pruneReason());
        }
    }

    record Ack(Long messageId, String token, String endpoint) {
    }

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView register(@RequestBody NewSubscription request) {
        StaffAccount account = current.get();
        long guardianId = guardianInScope(account, request.guardianId());
        PushTarget target = target(request);
        String label = label(request.label());
        long id = subscriptions.register(guardianId, target, label);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("subscription", id);
        after.put("kind", PushSubscriptionRepository.kindOf(target).name());
        after.put("target", PushTargetRules.masked(target));
        audit.record(account.id(), "PUSH_SUBSCRIPTION_REGISTERED", "guardian", String.valueOf(guardianId), null,
                after);
        return SubscriptionView.of(subscriptions.find(id).orElseThrow());
    }

    @GetMapping("/subscriptions")
    List<SubscriptionView> list(@RequestParam(required = false) Long guardianId) {
        long guardian = guardianInScope(current.get(), guardianId);
        return subscriptions.forGuardian(guardian).stream().map(SubscriptionView::of).toList();
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        StaffAccount account = current.get();
        PushSubscriptionRepository.Subscription subscription = subscriptions.find(id)
                .filter(s -> scope.reaches(account, s.guardianId()))
                .orElseThrow(() -> ProblemException.notFound("推送订阅不存在或不在您的管理范围内"));
        subscriptions.delete(id);
        audit.record(account.id(), "PUSH_SUBSCRIPTION_REMOVED", "guardian", String.valueOf(subscription.guardianId()),
                Map.of("subscription", id, "kind", subscription.kind().name(), "target", subscription.target()), null);
    }

    /** The {@code applicationServerKey} a browser subscribes with. */
    @GetMapping("/vapid-public-key")
    Map<String, String> vapidPublicKey() {
        return Map.of("publicKey", vapidKeys.publicKeyBase64Url());
    }

    /**
     * The device shows it got message N: with the FCM token or the Web Push endpoint the message was sent to,
     * which only that device holds. An unknown message and a wrong target answer alike (404).
     */
    @PostMapping("/ack")
    Map<String, Object> acknowledge(@RequestBody Ack ack) {
        if (ack.messageId() == null || ack.messageId() <= 0) {
            throw ProblemException.invalid("messageId", "请填写消息编号（messageId）");
        }
        boolean hasToken = ack.token() != null && !ack.token().isBlank();
        boolean hasEndpoint = ack.endpoint() != null && !ack.endpoint().isBlank();
        if (hasToken == hasEndpoint) {
            throw ProblemException.invalid(hasToken ? "endpoint" : "token",
                    "请只填写消息送达的 FCM 令牌（token）或 Web Push 地址（endpoint）之一");
        }
        Kind kind = hasToken ? Kind.FCM : Kind.WEBPUSH;
        String value = hasToken ? ack.token() : ack.endpoint();
        int max = hasToken ? PushTargetRules.MAX_TOKEN : PushTargetRules.MAX_ENDPOINT;
        if (value.length() > max) {
            throw ProblemException.invalid(hasToken ? "token" : "endpoint", "值过长");
        }
        PushAcknowledgements.Outcome outcome = acks.acknowledge(ack.messageId(), kind, value);
        return switch (outcome) {
            case ACKNOWLEDGED, ALREADY_ACKNOWLEDGED -> Map.of("messageId", ack.messageId(), "state", "DELIVERED");
            case NOT_FOUND -> throw ProblemException.notFound("消息不存在，或未发送到该设备");
            case NOT_ACKNOWLEDGEABLE -> throw ProblemException.conflict("该消息当前状态不能确认送达");
        };
    }

    private long guardianInScope(StaffAccount account, Long guardianId) {
        if (guardianId == null || guardianId <= 0) {
            throw ProblemException.invalid("guardianId", "请填写家长编号（guardianId）");
        }
        if (!scope.reaches(account, guardianId)) {
            // One answer for "no such guardian" and "not yours": the id space is not to be probed.
            throw new ProblemException(ProblemException.Kind.NOT_FOUND, "guardianId", "家长不存在或不在您的管理范围内");
        }
        return guardianId;
    }

    private static PushTarget target(NewSubscription request) {
        Kind kind;
        try {
            kind = Kind.valueOf(request.kind() == null ? "" : request.kind().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "订阅类型须为 FCM 或 WEBPUSH");
        }
        if (kind == Kind.FCM) {
            for (String[] field : new String[][] {{"endpoint", request.endpoint()}, {"p256dh", request.p256dh()},
                    {"auth", request.auth()}}) {
                if (field[1] != null) {
                    throw ProblemException.invalid(field[0], "FCM 订阅只需填写 token");
                }
            }
            check("token", PushTargetRules.fcmToken(request.token()));
            return PushTarget.fcm(request.token());
        }
        if (request.token() != null) {
            throw ProblemException.invalid("token", "Web Push 订阅请填写 endpoint、p256dh 和 auth，不填 token");
        }
        check("endpoint", PushTargetRules.endpoint(request.endpoint()));
        check("p256dh", PushTargetRules.p256dh(request.p256dh()));
        check("auth", PushTargetRules.auth(request.auth()));
        return PushTarget.webPush(request.endpoint(), request.p256dh(), request.auth());
    }

    private static String label(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String trimmed = label.strip();
        if (trimmed.length() > MAX_LABEL || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("label", "备注不超过 " + MAX_LABEL + " 字，且不含控制字符");
        }
        return trimmed;
    }

    private static void check(String field, String problem) {
        if (problem != null) {
            throw ProblemException.invalid(field, problem);
        }
    }
}

package cn.jiaxiao.routes.push;

import cn.jiaxiao.routes.delivery.ChannelMessage;
import cn.jiaxiao.routes.delivery.ChannelMessageRepository;
import cn.jiaxiao.routes.delivery.SendBatch;
import cn.jiaxiao.routes.delivery.SendHold;
import cn.jiaxiao.routes.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a batch of queued PUSH messages: claims the batch, then sends its messages in parallel on a small
 * pool, each to the subscription its row names ({@code target_id}), and records every outcome as it comes:
 *
 * <ul>
 * <li>accepted by FCM or the push service: SUBMITTED with the service's message id, the subscription's
 *     {@code last_success_at} set. Not DELIVERED: only the app's acknowledgement says it arrived.
 * <li>invalid target (unregistered token, 404/410 subscription): the subscription is pruned, the message FAILED.
 * <li>refused for good, or the subscription pruned or removed before sending: FAILED.
 * <li>temporary (throttled, service down): the claim is released, and once the batch is done
 *     {@link PushRetryException} rolls the broker transaction back so the batch comes again; what was recorded
 *     is not QUEUED any more, so a redelivery sends only what is left. From {@code maxAttempts} on, a temporary
 *     failure is final.
 * </ul>
 *
 * Neither FCM nor Web Push de-duplicates: a timeout after the service took a message can deliver it twice, so
 * the payload carries the gateway's message id for the app to drop repeats.
 */
public class PushChannelSender {

    private static final Logger log = LoggerFactory.getLogger(PushChannelSender.class);
    public static final Duration TTL = Duration.ofDays(1);
    public static final int DEFAULT_MAX_ATTEMPTS = 20;

    private final ChannelMessageRepository messages;
    private final PushSubscriptionRepository subscriptions;
    private final PushSender push;
    private final Executor senders;
    private final int maxAttempts;
    private final SendHold hold;

    public PushChannelSender(ChannelMessageRepository messages, PushSubscriptionRepository subscriptions,
            PushSender push, Executor senders) {
        this(messages, subscriptions, push, senders, DEFAULT_MAX_ATTEMPTS, SendHold.NONE);
    }

    public PushChannelSender(ChannelMessageRepository messages, PushSubscriptionRepository subscriptions,
            PushSender push, Executor senders, int maxAttempts) {
        this(messages, subscriptions, push, senders, maxAttempts, SendHold.NONE);
    }

    /** @param hold quiet hours: what may wait is held before the batch is claimed */
    public PushChannelSender(ChannelMessageRepository messages, PushSubscriptionRepository subscriptions,
            PushSender push, Executor senders, int maxAttempts, SendHold hold) {
        this.hold = hold;
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.push = push;
        this.senders = senders;
        this.maxAttempts = maxAttempts;
    }

    /** The broker's message: a {@link SendBatch} body. */
    public void sendBatch(String body) throws PushRetryException {
        send(SendBatch.parseIds(body));
    }

    public void send(List<Long> ids) throws PushRetryException {
        hold.holdIfQuiet(ids);
        List<ChannelMessage> claimed = messages.claimAll(ids);
        if (claimed.isEmpty()) {
            return;
        }
        AtomicInteger deferred = new AtomicInteger();
        AtomicReference<String> reason = new AtomicReference<>();
        List<CompletableFuture<Void>> running = new ArrayList<>(claimed.size());
        for (ChannelMessage message : claimed) {
            running.add(CompletableFuture.runAsync(() -> {
                String retry = sendOne(message);
                if (retry != null) {
                    deferred.incrementAndGet();
                    reason.compareAndSet(null, retry);
                }
            }, senders));
        }
        awaitAll(running);
        if (deferred.get() > 0) {
            throw new PushRetryException(deferred.get() + " of " + claimed.size() + " push messages deferred: "
                    + reason.get());
        }
    }

    /** Sends and records one message; returns why it is to be tried again, or null when it is settled. */
    private String sendOne(ChannelMessage message) {
        long id = message.id();
        try {
            if (!"PUSH".equals(message.channel())) {
                messages.markFailed(id, "not a push message: " + message.channel());
                return null;
            }
            Optional<PushSubscriptionRepository.Target> target = subscriptionOf(message)
                    .flatMap(subscriptions::activeTarget);
            if (target.isEmpty()) {
                messages.markFailed(id, "subscription removed");
                return null;
            }
            long subscriptionId = target.get().id();
            PushResult result = push.send(target.get().target(), pushMessage(message));
            switch (result.outcome()) {
                case DELIVERED -> {
                    messages.markSubmitted(id, result.providerMessageId());
                    subscriptions.markSuccess(subscriptionId);
                }
                case INVALID_TARGET -> {
                    subscriptions.prune(subscriptionId, result.detail());
                    messages.markFailed(id, "invalid push target: " + result.detail());
                }
                case FAILED -> messages.markFailed(id, result.detail());
                case RETRY -> {
                    return deferOrGiveUp(message, result.detail());
                }
            }
            return null;
        } catch (RuntimeException e) {
            log.warn("Push message {} deferred after an error: {}", id, e.toString());
            return deferOrGiveUp(message, e.getClass().getSimpleName());
        }
    }

    private String deferOrGiveUp(ChannelMessage message, String detail) {
        try {
            if (message.attempts() >= maxAttempts) {
                messages.markFailed(message.id(), "gave up after " + message.attempts() + " attempts: " + detail);
                return null;
            }
            messages.releaseClaim(message.id(), detail);
        } catch (RuntimeException e) {
            // The lease runs out by itself; the redelivery takes the message over then.
            log.warn("Push message {}: claim not released: {}", message.id(), e.toString());
        }
        return detail;
    }

    private static Optional<Long> subscriptionOf(ChannelMessage message) {
        if (message.targetId() != null) {
            return Optional.of(message.targetId());
        }
        try {
            return Optional.of(Long.parseLong(message.address().trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The notification as the app receives it; the data's values as text (FCM takes only strings). */
    static PushMessage pushMessage(ChannelMessage message) {
        return new PushMessage(String.valueOf(message.id()), message.subject() == null ? "" : message.subject(),
                message.body(), data(message.payloadJson()), TTL, "EMERGENCY".equals(message.noticeKind()), null);
    }

    static Map<String, String> data(String payloadJson) {
        Map<String, String> data = new LinkedHashMap<>();
        if (payloadJson == null || payloadJson.isBlank()) {
            return data;
        }
        JsonNode json = Json.read(payloadJson, JsonNode.class);
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                data.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return data;
    }

    /** Waits for every send, even when interrupted: what a push service took must be recorded. */
    private static void awaitAll(List<CompletableFuture<Void>> running) {
        boolean interrupted = false;
        for (CompletableFuture<Void> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // sendOne records every outcome itself
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

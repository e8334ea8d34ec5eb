package cn.jiaxiao.routes.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushDispatcherTest {

    private final List<String> calls = new ArrayList<>();
    private final PushSender fcm = (target, message) -> {
        calls.add("fcm " + message.id());
        return PushResult.delivered("fcm-id");
    };
    private final PushSender webPush = (target, message) -> {
        calls.add("webpush " + message.id());
        return PushResult.delivered("wp-id");
    };

    @Test
    void eachTargetGoesToTheSenderOfItsKind() {
        PushDispatcher dispatcher = new PushDispatcher(fcm, webPush);

        dispatcher.send(PushTarget.fcm("token-of-a-phone"), PushMessage.of("1", "t", "b"));
        dispatcher.send(PushTarget.webPush("https://push.example/s", "p256dh", "auth"), PushMessage.of("2", "t", "b"));

        assertThat(calls).containsExactly("fcm 1", "webpush 2");
    }

    @Test
    void aChannelWithoutConfigurationFailsWithoutThrowing() {
        PushDispatcher dispatcher = new PushDispatcher(null, webPush);

        PushResult result = dispatcher.send(PushTarget.fcm("token-of-a-phone"), PushMessage.of("1", "t", "b"));

        assertThat(result.outcome()).isEqualTo(PushResult.Outcome.FAILED);
        assertThat(result.detail()).contains("FCM is not configured");
        assertThat(calls).isEmpty();
    }

    @Test
    void targetsDoNotShowTheirSecretsInLogs() {
        assertThat(PushTarget.fcm("dQw4w9WgXcQ:APA91bHsecretsecretsecret1234").toString())
                .doesNotContain("APA91b").endsWith("***1234]");
        assertThat(PushTarget.webPush("https://fcm.googleapis.com/fcm/send/capability-path", "key", "auth")
                .toString()).isEqualTo("WebPushSubscription[https://fcm.googleapis.com/***]");
    }
}

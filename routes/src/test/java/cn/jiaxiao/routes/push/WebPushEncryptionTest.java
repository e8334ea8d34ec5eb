package cn.jiaxiao.routes.push;

import static cn.jiaxiao.routes.push.UserAgent.b64;
import static cn.jiaxiao.routes.push.UserAgent.unb64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class WebPushEncryptionTest {

    /** RFC 8291 §5 / Appendix A: fixed keys and salt, and the resulting message. */
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String MESSAGE = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3"
            + "vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void reproducesTheRfc8291ExampleByteForByte() {
        KeyPair applicationServer = new KeyPair(P256.publicKey(unb64(AS_PUBLIC)), P256.privateKey(unb64(AS_PRIVATE)));

        byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII), unb64(UA_PUBLIC),
                unb64(AUTH_SECRET), applicationServer, unb64(SALT));

        assertThat(b64(body)).isEqualTo(MESSAGE);
    }

    @Test
    void theTestUserAgentDecryptsTheRfcExample() throws Exception {
        UserAgent rfcAgent = new UserAgent(P256.privateKey(unb64(UA_PRIVATE)), unb64(UA_PUBLIC), unb64(AUTH_SECRET));

        assertThat(new String(rfcAgent.decrypt(unb64(MESSAGE)), StandardCharsets.US_ASCII)).isEqualTo(PLAINTEXT);
    }

    @Test
    void aFreshKeyAndSaltPerMessageStillDecryptForTheSubscription() throws Exception {
        UserAgent agent = UserAgent.generate();
        PushTarget.WebPushSubscription subscription = agent.subscription("https://push.example/x");
        byte[] plaintext = "家校通知：明天停课".getBytes(StandardCharsets.UTF_8);

        byte[] first = WebPushEncryption.encrypt(plaintext, unb64(subscription.p256dh()), unb64(subscription.auth()));
        byte[] second = WebPushEncryption.encrypt(plaintext, unb64(subscription.p256dh()), unb64(subscription.auth()));

        assertThat(first).isNotEqualTo(second);
        assertThat(agent.decrypt(first)).isEqualTo(plaintext);
        assertThat(agent.decrypt(second)).isEqualTo(plaintext);
        assertThat(first).hasSize(WebPushEncryption.HEADER_BYTES + plaintext.length + 1 + 16);
    }

    @Test
    void refusesAPayloadLargerThanPushServicesMustAccept() throws Exception {
        UserAgent agent = UserAgent.generate();
        PushTarget.WebPushSubscription subscription = agent.subscription("https://push.example/x");
        byte[] largest = new byte[WebPushEncryption.MAX_PLAINTEXT];

        assertThat(WebPushEncryption.encrypt(largest, unb64(subscription.p256dh()), unb64(subscription.auth())))
                .hasSize(4096);
        assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[largest.length + 1], unb64(subscription.p256dh()),
                unb64(subscription.auth()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPublicKeyOffTheCurve() {
        byte[] offCurve = unb64(UA_PUBLIC);
        offCurve[64] ^= 1;

        assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[1], offCurve, unb64(AUTH_SECRET)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not on P-256");
    }
}

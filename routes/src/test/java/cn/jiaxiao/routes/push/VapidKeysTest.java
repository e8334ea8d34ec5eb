package cn.jiaxiao.routes.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class VapidKeysTest {

    @Test
    void aGeneratedPairSurvivesTheBase64UrlConfigurationForm() {
        VapidKeys generated = VapidKeys.generate();

        VapidKeys configured = VapidKeys.fromBase64Url(generated.publicKeyBase64Url(), generated.privateKeyBase64Url());

        // The lengths the web-push tool prints: 65 and 32 bytes unpadded.
        assertThat(generated.publicKeyBase64Url()).hasSize(87).startsWith("B");
        assertThat(generated.privateKeyBase64Url()).hasSize(43);
        assertThat(configured.publicKeyBase64Url()).isEqualTo(generated.publicKeyBase64Url());
        assertThat(configured.privateKeyBase64Url()).isEqualTo(generated.privateKeyBase64Url());
        assertThat(configured.toString()).doesNotContain(generated.privateKeyBase64Url());
    }

    @Test
    void keysOfTwoDifferentPairsAreRefused() {
        VapidKeys one = VapidKeys.generate();
        VapidKeys other = VapidKeys.generate();

        assertThatThrownBy(() -> VapidKeys.fromBase64Url(one.publicKeyBase64Url(), other.privateKeyBase64Url()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void theAudienceIsTheEndpointsOrigin() {
        assertThat(VapidAuth.audience(URI.create("https://fcm.googleapis.com/fcm/send/abc:def")))
                .isEqualTo("https://fcm.googleapis.com");
        assertThat(VapidAuth.audience(URI.create("https://Push.Example:443/x"))).isEqualTo("https://push.example");
        assertThat(VapidAuth.audience(URI.create("http://127.0.0.1:8123/push/1"))).isEqualTo("http://127.0.0.1:8123");
    }
}

package cn.jiaxiao.routes.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceNumbersTest {

    private final ServiceNumbers numbers = new ServiceNumbers(List.of(
            new ServiceNumbers.Line("simulator", "1069000", 4), new ServiceNumbers.Line("plain", "10650000", 0)));

    @Test
    void readsTheExtensionAfterTheServiceNumberOfTheConnection() {
        var extension = numbers.extensionOf("simulator", "10690000042");
        assertThat(extension).isPresent();
        assertThat(extension.get().code()).isEqualTo(42);
        assertThat(extension.get().matches(42)).isTrue();
        assertThat(extension.get().matches(10_042)).isTrue();
        assertThat(extension.get().matches(43)).isFalse();
    }

    @Test
    void noExtensionWhenTheCarrierDroppedItOrItHasTheWrongLength() {
        assertThat(numbers.extensionOf("simulator", "1069000")).isEmpty();
        assertThat(numbers.extensionOf("simulator", "106900004")).isEmpty();
        assertThat(numbers.extensionOf("plain", "106500001234")).isEmpty();
        assertThat(numbers.extensionOf("simulator", null)).isEmpty();
    }

    @Test
    void ownNumbersWithOrWithoutExtension() {
        assertThat(numbers.isOwn("1069000")).isTrue();
        assertThat(numbers.isOwn("10690000042")).isTrue();
        assertThat(numbers.isOwn("10650000")).isTrue();
        assertThat(numbers.isOwn("13800000001")).isFalse();
        assertThat(numbers.isOwn("+8613800000001")).isFalse();
        assertThat(numbers.isOwn(null)).isFalse();
    }
}

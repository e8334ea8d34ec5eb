package cn.jiaxiao.provisioning.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ContactTest {

    private final ContactCipher cipher = ContactCipher.fromSecret("a-test-secret-of-some-length");

    @Test
    void parsesWhatPeopleTypeIntoE164() {
        assertThat(MobileNumber.parse("138 0000 1234")).contains(new MobileNumber("+8613800001234"));
        assertThat(MobileNumber.parse("+86-138-0000-1234")).contains(new MobileNumber("+8613800001234"));
        assertThat(MobileNumber.parse("008613800001234")).contains(new MobileNumber("+8613800001234"));
        assertThat(MobileNumber.parse("8613800001234")).contains(new MobileNumber("+8613800001234"));
        assertThat(MobileNumber.parse("12800001234")).isEmpty();
        assertThat(MobileNumber.parse("1380000123")).isEmpty();
        assertThat(MobileNumber.parse(null)).isEmpty();
    }

    @Test
    void masksForLogsAndLists() {
        MobileNumber number = MobileNumber.parse("13800001234").orElseThrow();
        assertThat(number.masked()).isEqualTo("138****1234");
        assertThat(number.toString()).isEqualTo("138****1234");
        assertThat(MobileNumber.mask("+8613800001234")).isEqualTo("138****1234");
    }

    @Test
    void encryptionRoundTripsWithAFreshIvEachTime() {
        byte[] a = cipher.encrypt("+8613800001234");
        byte[] b = cipher.encrypt("+8613800001234");
        assertThat(a).isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo("+8613800001234");
    }

    @Test
    void lookupHashIsDeterministicAndKeyed() {
        assertThat(cipher.lookupHash("+8613800001234")).isEqualTo(cipher.lookupHash("+8613800001234"));
        assertThat(ContactCipher.fromSecret("another-secret-0123456").lookupHash("+8613800001234"))
                .isNotEqualTo(cipher.lookupHash("+8613800001234"));
    }

    @Test
    void aWrongKeyIsReportedNotSilentlyGarbled() {
        byte[] sealed = cipher.encrypt("x");
        assertThatThrownBy(() -> ContactCipher.fromSecret("another-secret-0123456").decrypt(sealed))
                .hasMessageContaining("jiaxiao.encryption-key");
        assertThatThrownBy(() -> ContactCipher.fromSecret("short")).isInstanceOf(IllegalArgumentException.class);
    }
}

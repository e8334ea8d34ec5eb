package cn.jiaxiao.routes.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class JoseSignaturesTest {

    @Test
    void derSignaturesBecomeRawRAndSThatTheJdkP1363VerifierAccepts() throws Exception {
        KeyPair pair = P256.generate();
        // Enough signatures that some have an R or S with leading zero bytes or a set top bit.
        for (int i = 0; i < 100; i++) {
            byte[] data = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(data);

            byte[] jose = JoseSignatures.derToJose(signer.sign(), 32);

            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.getPublic());
            verifier.update(data);
            assertThat(jose).hasSize(64);
            assertThat(verifier.verify(jose)).as("signature %d", i).isTrue();
        }
    }

    @Test
    void rejectsWhatIsNoDerSignature() {
        assertThatThrownBy(() -> JoseSignatures.derToJose(new byte[64], 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JoseSignatures.derToJose(new byte[] {0x30, 0x06, 0x02, 0x01, 0x01}, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

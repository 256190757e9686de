package io.ticketflow.kernel.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** The AWS configuration: the queue signs through KMS, a service verifies with the key's public half from KMS. */
@ExtendWith(MotoExtension.class)
class KmsPassSignerIT {

    private static final AdmissionPass PASS =
            new AdmissionPass("user-1", "concert-1", "qt-1", 2, Instant.now().plusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    private AwsClients aws;

    @BeforeEach
    void clients(EmulatorEndpoint endpoint) {
        aws = new AwsClients(new AwsSettings(endpoint.uri(), endpoint.region(), "it-"));
    }

    @AfterEach
    void close() {
        aws.close();
    }

    @Test
    void passSignedWithTheKmsKey_isReadByAServiceHoldingOnlyTheKeyId() throws Exception {
        Map<String, String> config = Map.of(AdmissionKeys.KMS_KEY_ID, newSigningKey());

        String pass = AdmissionKeys.signer(config::get, aws::kms).sign(PASS, Instant.now());

        assertThat(AdmissionKeys.verifier(config::get, aws::kms).read(pass)).isEqualTo(PASS);
        // clients see the header: it names the key without the account the ARN carries
        assertThat(SignedJWT.parse(pass).getHeader().getKeyID()).isNotBlank().doesNotContain("arn:").doesNotContain(":");
    }

    @Test
    void passSignedWithAnotherKmsKey_isInvalid() {
        String pass = AdmissionKeys.signer(Map.of(AdmissionKeys.KMS_KEY_ID, newSigningKey())::get, aws::kms).sign(PASS, Instant.now());
        AdmissionPassVerifier otherService = AdmissionKeys.verifier(Map.of(AdmissionKeys.KMS_KEY_ID, newSigningKey())::get, aws::kms);

        assertThatThrownBy(() -> otherService.read(pass)).isInstanceOf(AdmissionPassVerifier.PassRefused.class)
                .extracting(e -> ((AdmissionPassVerifier.PassRefused) e).refusal()).isEqualTo(PassRefusal.INVALID);
    }

    private String newSigningKey() {
        return aws.kms().createKey(key -> key.keySpec(KeySpec.ECC_NIST_P256).keyUsage(KeyUsageType.SIGN_VERIFY))
                .keyMetadata().arn();
    }
}

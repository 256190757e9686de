package io.ticketflow.kernel.testing;

import com.nimbusds.jose.jwk.ECKey;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.kernel.admission.AdmissionPassSigner;
import java.time.Instant;
import java.util.Map;

/**
 * The queue's side of admission passes for tests of the services that check them: a key pair per instance, the
 * properties that configure a service with its public half, and passes signed with its private half.
 */
public final class TestPasses {

    private final ECKey key = AdmissionKeys.newDevKey();
    private final AdmissionPassSigner signer = AdmissionKeys.signer(properties()::get, () -> {
        throw new IllegalStateException("a test signs with its own key, never KMS");
    });

    /** Both halves, as the local runtime sets them: a service under test reads the public one. */
    public Map<String, String> properties() {
        return Map.of(AdmissionKeys.SIGNING_KEY, key.toJSONString(),
                AdmissionKeys.PUBLIC_KEY, key.toPublicJWK().toJSONString());
    }

    /** The queue's signer itself, for code under test that signs (the Queue service's functions). */
    public AdmissionPassSigner signer() {
        return signer;
    }

    public String issue(String userId, String concertId, String queueToken, long activation, Instant expiresAt) {
        return signer.sign(new AdmissionPass(userId, concertId, queueToken, activation, expiresAt), Instant.now());
    }

    /** A pass of the token's first activation (version 2: WAITING was 1), five minutes long. */
    public String issue(String userId, String concertId, String queueToken) {
        return issue(userId, concertId, queueToken, 2, Instant.now().plusSeconds(300));
    }
}

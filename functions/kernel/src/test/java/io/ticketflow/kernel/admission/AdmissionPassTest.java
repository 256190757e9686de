package io.ticketflow.kernel.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ticketflow.kernel.admission.AdmissionPassVerifier.PassRefused;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

class AdmissionPassTest {

    private static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
    private static final AdmissionPass PASS = new AdmissionPass("user-1", "concert-1", "qt-1", 2, NOW.plusSeconds(300));

    private final ECKey queueKey = AdmissionKeys.newDevKey();
    private final AdmissionPassSigner queue =
            AdmissionKeys.signer(Map.of(AdmissionKeys.SIGNING_KEY, queueKey.toJSONString())::get, noKms());
    private final AdmissionPassVerifier verifier = AdmissionKeys.verifier(
            Map.of(AdmissionKeys.PUBLIC_KEY, queueKey.toPublicJWK().toJSONString())::get, noKms());

    @Test
    void passSignedByTheQueue_readsBackAsIssued() {
        assertThat(verifier.read(queue.sign(PASS, NOW))).isEqualTo(PASS);
    }

    @Test
    void passSignedWithAnotherKey_isInvalid() {
        AdmissionPassSigner impostor = AdmissionKeys.signer(
                Map.of(AdmissionKeys.SIGNING_KEY, AdmissionKeys.newDevKey().toJSONString())::get, noKms());

        assertRefused(impostor.sign(PASS, NOW), PassRefusal.INVALID);
    }

    @Test
    void passWhosePayloadWasSwapped_keepingTheSignature_isInvalid() {
        String[] genuine = queue.sign(PASS, NOW).split("\\.");
        String someoneElses = queue.sign(new AdmissionPass("user-2", "concert-1", "qt-2", 2, PASS.expiresAt()), NOW);
        String tampered = genuine[0] + "." + someoneElses.split("\\.")[1] + "." + genuine[2];

        assertRefused(tampered, PassRefusal.INVALID);
    }

    @Test
    void passWithAnEditedClaim_isInvalid() throws Exception {
        String[] genuine = queue.sign(PASS, NOW).split("\\.");
        JWTClaimsSet claims = JWTClaimsSet.parse(new Base64URL(genuine[1]).decodeToString());
        JWTClaimsSet longer = new JWTClaimsSet.Builder(claims).expirationTime(Date.from(NOW.plusSeconds(86_400))).build();
        String tampered = genuine[0] + "." + Base64URL.encode(longer.toString()) + "." + genuine[2];

        assertRefused(tampered, PassRefusal.INVALID);
    }

    @Test
    void tokenSignedWithTheRightKey_butNotAPass_isInvalid() throws Exception {
        SignedJWT bearer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                PassTokens.claims(PASS, NOW));
        bearer.sign(new ECDSASigner(queueKey));

        assertRefused(bearer.serialize(), PassRefusal.INVALID);
    }

    @Test
    void passSignedWithHmac_isInvalid_whateverTheSecret() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(PassTokens.TYPE).build(),
                PassTokens.claims(PASS, NOW));
        hmac.sign(new MACSigner(new byte[32]));

        assertRefused(hmac.serialize(), PassRefusal.INVALID);
    }

    @Test
    void garbage_isInvalid_andNothing_isMissing() {
        assertRefused("not-a-jwt", PassRefusal.INVALID);
        assertRefused("a.b.c", PassRefusal.INVALID);
        assertRefused(null, PassRefusal.MISSING);
        assertRefused("  ", PassRefusal.MISSING);
    }

    @Test
    void pass_admitsItsOwner_forItsConcert_untilItExpires() {
        assertThat(PASS.refusalFor("user-1", "concert-1", PASS.expiresAt().minusMillis(1))).isEmpty();
        assertThat(PASS.refusalFor("user-1", "concert-1", PASS.expiresAt())).contains(PassRefusal.EXPIRED);
        assertThat(PASS.refusalFor("user-1", "concert-2", NOW)).contains(PassRefusal.OTHER_CONCERT);
        // a stranger learns it is not theirs, nothing about the pass's state
        assertThat(PASS.refusalFor("user-2", "concert-2", PASS.expiresAt())).isEqualTo(Optional.of(PassRefusal.OTHER_USER));
    }

    @Test
    void eachRefusal_hasItsOwn403ProblemType() {
        assertThat(Arrays.stream(PassRefusal.values()).map(r -> r.problem().slug()).distinct())
                .hasSize(PassRefusal.values().length);
        assertThat(AdmissionProblems.all()).hasSize(PassRefusal.values().length)
                .allSatisfy(type -> assertThat(type.status()).isEqualTo(403));
    }

    @Test
    void withoutAKey_aServiceFailsAtStartUp_namingTheSettings() {
        assertThatThrownBy(() -> AdmissionKeys.verifier(Map.<String, String>of()::get, noKms()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AdmissionKeys.KMS_KEY_ID).hasMessageContaining(AdmissionKeys.PUBLIC_KEY);
        assertThatThrownBy(() -> AdmissionKeys.signer(Map.<String, String>of()::get, noKms()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(AdmissionKeys.KMS_KEY_ID).hasMessageContaining(AdmissionKeys.SIGNING_KEY);
        assertThatThrownBy(() -> AdmissionKeys.verifier(Map.of(AdmissionKeys.PUBLIC_KEY, "{}")::get, noKms()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(AdmissionKeys.PUBLIC_KEY);
    }

    @Test
    void signingWithOnlyThePublicHalf_failsAtStartUp() {
        assertThatThrownBy(() -> AdmissionKeys.signer(
                Map.of(AdmissionKeys.SIGNING_KEY, queueKey.toPublicJWK().toJSONString())::get, noKms()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("private");
    }

    private void assertRefused(String compact, PassRefusal expected) {
        assertThatThrownBy(() -> verifier.read(compact)).isInstanceOf(PassRefused.class)
                .extracting(e -> ((PassRefused) e).refusal()).isEqualTo(expected);
    }

    private static Supplier<KmsClient> noKms() {
        return () -> {
            throw new AssertionError("KMS must not be asked when a JWK is configured");
        };
    }
}

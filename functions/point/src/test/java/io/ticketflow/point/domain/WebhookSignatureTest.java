package io.ticketflow.point.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final WebhookSignature PROVIDER = WebhookSignature.of("whsec_" + "a".repeat(40));
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"checkout.completed\"}";

    @Test
    void theProvidersSignature_ofTheSameBody_isAccepted() {
        String header = PROVIDER.header(NOW.minusSeconds(30), BODY);

        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThatCode(() -> PROVIDER.verify(header, BODY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aChangedBody_isRefusedAsInvalid() {
        String header = PROVIDER.header(NOW, BODY);

        assertRefused(() -> PROVIDER.verify(header, BODY.replace("evt_1", "evt_2"), NOW), "webhook-signature-invalid");
    }

    @Test
    void anotherSecret_isRefusedAsInvalid() {
        String forged = WebhookSignature.of("whsec_" + "b".repeat(40)).header(NOW, BODY);

        assertRefused(() -> PROVIDER.verify(forged, BODY, NOW), "webhook-signature-invalid");
    }

    @Test
    void aNewTimestampOnAnOldSignature_isRefusedAsInvalid() {
        String old = PROVIDER.header(NOW.minus(Duration.ofHours(1)), BODY);
        String retimed = old.replaceFirst("t=\\d+", "t=" + NOW.getEpochSecond());

        assertRefused(() -> PROVIDER.verify(retimed, BODY, NOW), "webhook-signature-invalid");
    }

    @Test
    void aDeliverySignedMoreThanFiveMinutesAgo_isRefusedAsExpired_andOneJustInside_isAccepted() {
        assertRefused(() -> PROVIDER.verify(PROVIDER.header(NOW.minusSeconds(301), BODY), BODY, NOW),
                "webhook-signature-expired");
        assertRefused(() -> PROVIDER.verify(PROVIDER.header(NOW.plusSeconds(301), BODY), BODY, NOW),
                "webhook-signature-expired");
        assertThatCode(() -> PROVIDER.verify(PROVIDER.header(NOW.minusSeconds(300), BODY), BODY, NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void missingOrMalformedHeaders_areRefusedAsInvalid() {
        for (String header : new String[] {null, " ", "v1=abc", "t=1", "t=now,v1=ab", "garbage", "t=1,v1=zz"}) {
            assertRefused(() -> PROVIDER.verify(header, BODY, NOW), "webhook-signature-invalid");
        }
    }

    @Test
    void whileTheProviderRollsItsSecret_eitherOfTwoSignaturesMayMatch() {
        String old = WebhookSignature.of("whsec_" + "b".repeat(40)).header(NOW, BODY);
        String both = old + "," + PROVIDER.header(NOW, BODY).split(",")[1];

        assertThatCode(() -> PROVIDER.verify(both, BODY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aSecretShorterThan32Bytes_isRefused_andNeverPrinted() {
        assertThatThrownBy(() -> WebhookSignature.of("short")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PROVIDER.toString()).doesNotContain("aaaa");
    }

    private static void assertRefused(Runnable verification, String slug) {
        assertThatThrownBy(verification::run).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.type().slug()).isEqualTo(slug);
            assertThat(problem.type().status()).isEqualTo(400);
        });
    }
}

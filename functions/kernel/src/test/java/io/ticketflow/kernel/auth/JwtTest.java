package io.ticketflow.kernel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtTest {

    private static final String SECRET = "local-development-secret-0123456789";
    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JwtSettings settings = new JwtSettings("ticketflow-local", "ticketflow", SECRET);

    @Test
    void mintedToken_verifiedWithSameSettings_returnsSubjectIssuerAudienceAndTimes() {
        String token = new DevTokens(settings, CLOCK).mint("user-7", Duration.ofHours(1));

        Map<String, Object> claims = new JwtVerifier(settings, CLOCK).verify(token);

        assertThat(claims).containsEntry("sub", "user-7")
                .containsEntry("iss", "ticketflow-local")
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("exp", NOW.plus(Duration.ofHours(1)).getEpochSecond());
        assertThat(String.valueOf(claims.get("aud"))).contains("ticketflow");
    }

    @Test
    void tokenMintedWithScopes_carriesThemSpaceSeparatedInTheScopeClaim() {
        String token = new DevTokens(settings, CLOCK).mint("ops", List.of("ticketflow/admin", "openid"), Duration.ofHours(1));

        Map<String, Object> claims = new JwtVerifier(settings, CLOCK).verify(token);

        assertThat(claims).containsEntry("scope", "ticketflow/admin openid");
    }

    @Test
    void tokenMintedWithoutScopes_hasNoScopeClaim() {
        String token = new DevTokens(settings, CLOCK).mint("user-7", Duration.ofHours(1));

        assertThat(new JwtVerifier(settings, CLOCK).verify(token)).doesNotContainKey("scope");
    }

    @Test
    void tokenInAuthorizationHeaderForm_withBearerPrefix_isAccepted() {
        String token = new DevTokens(settings, CLOCK).mint("user-7", Duration.ofMinutes(5));

        assertThat(new JwtVerifier(settings, CLOCK).verify("Bearer " + token)).containsEntry("sub", "user-7");
    }

    @Test
    void tokenSignedWithAnotherSecret_isRejectedForItsSignature() {
        JwtSettings other = new JwtSettings("ticketflow-local", "ticketflow", "another-secret-of-enough-length-000");
        String token = new DevTokens(other, CLOCK).mint("user-7", Duration.ofHours(1));

        assertThatThrownBy(() -> new JwtVerifier(settings, CLOCK).verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void tokenForAnotherAudience_isRejectedForItsAudience() {
        JwtSettings otherAudience = new JwtSettings("ticketflow-local", "someone-else", SECRET);
        String token = new DevTokens(otherAudience, CLOCK).mint("user-7", Duration.ofHours(1));

        assertThatThrownBy(() -> new JwtVerifier(settings, CLOCK).verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void tokenFromAnotherIssuer_isRejectedForItsIssuer() {
        JwtSettings otherIssuer = new JwtSettings("someone-else", "ticketflow", SECRET);
        String token = new DevTokens(otherIssuer, CLOCK).mint("user-7", Duration.ofHours(1));

        assertThatThrownBy(() -> new JwtVerifier(settings, CLOCK).verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void expiredToken_pastTheClockSkew_isRejectedAsExpired() {
        String token = new DevTokens(settings, CLOCK).mint("user-7", Duration.ofMinutes(5));
        Clock later = Clock.offset(CLOCK, Duration.ofMinutes(5).plus(JwtVerifier.CLOCK_SKEW));

        assertThatThrownBy(() -> new JwtVerifier(settings, later).verify(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void tokenJustExpired_withinTheClockSkew_isStillAccepted() {
        String token = new DevTokens(settings, CLOCK).mint("user-7", Duration.ofMinutes(5));
        Clock slightlyLater = Clock.offset(CLOCK, Duration.ofMinutes(5).plusSeconds(30));

        assertThat(new JwtVerifier(settings, slightlyLater).verify(token)).containsEntry("sub", "user-7");
    }

    @Test
    void unsignedToken_withAlgNone_isRejected() {
        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().subject("user-7").issuer("ticketflow-local")
                .audience("ticketflow").expirationTime(java.util.Date.from(NOW.plusSeconds(3600))).build())
                .serialize();

        assertThatThrownBy(() -> new JwtVerifier(settings, CLOCK).verify(unsigned))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void garbageOrMissingToken_isRejected() {
        JwtVerifier verifier = new JwtVerifier(settings, CLOCK);

        assertThatThrownBy(() -> verifier.verify("not.a.jwt")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> verifier.verify(null)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void settings_withoutProperties_useLocalDefaultsAndNoSecret() {
        JwtSettings defaults = JwtSettings.from(key -> null);

        assertThat(defaults).isEqualTo(new JwtSettings("ticketflow-local", "ticketflow", null));
        assertThatThrownBy(() -> new DevTokens(defaults, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(JwtSettings.DEV_SECRET);
    }

    @Test
    void settings_withSecretShorterThan32Bytes_areRejected() {
        assertThatThrownBy(() -> new JwtSettings(null, null, "too-short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void settings_toString_neverShowsTheSecret() {
        assertThat(settings.toString()).doesNotContain(SECRET);
    }
}

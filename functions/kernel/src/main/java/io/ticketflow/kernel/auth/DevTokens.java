package io.ticketflow.kernel.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/** Mints development bearer tokens (HS256) that the local runtime's authorizer accepts, never used on AWS. */
public final class DevTokens {

    private final JwtSettings settings;
    private final Clock clock;

    public DevTokens(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        settings.requireDevSecret();
    }

    /** A signed token for {@code userId} with claims sub, iss, aud, iat and exp (now + ttl), and no scopes. */
    public String mint(String userId, Duration ttl) {
        return mint(userId, List.of(), ttl);
    }

    /**
     * As {@link #mint(String, Duration)}, with a {@code scope} claim listing {@code scopes} space-separated, as
     * a Cognito access token carries them; none when the list is empty.
     */
    public String mint(String userId, List<String> scopes, Duration ttl) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        // JWT times are whole seconds; truncating keeps iat/exp exactly what a verifier reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId)
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("scope", scopes.isEmpty() ? null : String.join(" ", scopes))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new MACSigner(settings.requireDevSecret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a development token", e);
        }
        return jwt.serialize();
    }
}

package io.ticketflow.kernel.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a development bearer token as the API Gateway JWT authorizer checks a real one: signature, issuer,
 * audience, expiry, and a subject to act as the caller. Used by the local runtime; on AWS the authorizer
 * does this and the functions only read the claims it passes on.
 */
public final class JwtVerifier {

    /** Tolerated clock difference between token issuer and verifier. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final String BEARER = "bearer ";

    private final JwtSettings settings;
    private final Clock clock;
    private final MACVerifier signature;

    public JwtVerifier(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signature = new MACVerifier(settings.requireDevSecret());
        } catch (JOSEException e) {
            throw new IllegalStateException("unusable development JWT secret", e);
        }
    }

    /**
     * @param bearerToken the compact JWT, with or without the {@code Bearer } prefix of an Authorization header
     * @return the verified claims as JSON values (times in epoch seconds, {@code aud} a string or list)
     * @throws InvalidTokenException when the token is malformed, badly signed, for another issuer or
     *                               audience, expired, or without subject
     */
    public Map<String, Object> verify(String bearerToken) {
        SignedJWT jwt = parse(bearerToken);
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidTokenException("unexpected signature algorithm " + jwt.getHeader().getAlgorithm());
        }
        try {
            if (!jwt.verify(signature)) {
                throw new InvalidTokenException("signature does not match");
            }
        } catch (JOSEException e) {
            throw new InvalidTokenException("signature could not be checked", e);
        }
        JWTClaimsSet claims = claims(jwt);
        if (!settings.issuer().equals(claims.getIssuer())) {
            throw new InvalidTokenException("issuer '" + claims.getIssuer() + "' is not '" + settings.issuer() + "'");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
            throw new InvalidTokenException("audience " + claims.getAudience() + " does not include '"
                    + settings.audience() + "'");
        }
        Date expiry = claims.getExpirationTime();
        Instant now = clock.instant();
        if (expiry == null) {
            throw new InvalidTokenException("token has no expiry");
        }
        if (!now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))) {
            throw new InvalidTokenException("token expired at " + expiry.toInstant());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(CLOCK_SKEW).isBefore(notBefore.toInstant())) {
            throw new InvalidTokenException("token is not valid before " + notBefore.toInstant());
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new InvalidTokenException("token has no subject");
        }
        return claims.toJSONObject();
    }

    private static SignedJWT parse(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new InvalidTokenException("no bearer token");
        }
        String token = bearerToken.strip();
        if (token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length()).strip();
        }
        try {
            return SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT", e);
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidTokenException("claims are not a JSON object", e);
        }
    }
}

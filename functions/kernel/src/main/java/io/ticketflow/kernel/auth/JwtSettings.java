package io.ticketflow.kernel.auth;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * What a valid bearer token must say: who issued it and for whom. On AWS the HTTP API JWT authorizer checks
 * the same issuer and audience against the identity provider's keys; locally the runtime checks them with a
 * shared development secret (HS256), which never exists on AWS.
 *
 * @param devSecret null where no dev tokens are minted or checked (AWS)
 */
public record JwtSettings(String issuer, String audience, String devSecret) {

    public static final String ISSUER = "TICKETFLOW_JWT_ISSUER";
    public static final String AUDIENCE = "TICKETFLOW_JWT_AUDIENCE";
    public static final String DEV_SECRET = "TICKETFLOW_DEV_JWT_SECRET";
    public static final String DEFAULT_ISSUER = "ticketflow-local";
    public static final String DEFAULT_AUDIENCE = "ticketflow";
    /** HS256 needs a key of at least 256 bits (RFC 7518 §3.2). */
    public static final int MIN_SECRET_BYTES = 32;

    public JwtSettings {
        issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience;
        devSecret = devSecret == null || devSecret.isBlank() ? null : devSecret;
        if (devSecret != null && devSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(DEV_SECRET + " must be at least " + MIN_SECRET_BYTES
                    + " bytes for HS256");
        }
    }

    /** Reads the settings from a property source (environment variables, system properties). */
    public static JwtSettings from(Function<String, String> properties) {
        return new JwtSettings(properties.apply(ISSUER), properties.apply(AUDIENCE), properties.apply(DEV_SECRET));
    }

    byte[] requireDevSecret() {
        if (devSecret == null) {
            throw new IllegalStateException("no development JWT secret configured: set " + DEV_SECRET
                    + " (at least " + MIN_SECRET_BYTES + " bytes)");
        }
        return devSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Keeps the secret out of logs and exception messages.
        return "JwtSettings[issuer=" + issuer + ", audience=" + audience + ", devSecret="
                + (devSecret == null ? "none" : "***") + "]";
    }
}

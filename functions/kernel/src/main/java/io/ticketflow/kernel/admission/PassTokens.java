package io.ticketflow.kernel.admission;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;

/** How a pass is laid out as a JWT: one place for the claim names both sides rely on. */
final class PassTokens {

    static final String ISSUER = "ticketflow-queue";
    /** A JWT of another kind (a user's bearer token, say) must never pass for an admission pass. */
    static final JOSEObjectType TYPE = new JOSEObjectType("admission-pass+jwt");
    static final String QUEUE_TOKEN = "qtk";
    static final String ACTIVATION = "act";

    private PassTokens() {
    }

    static JWSHeader header(String keyId) {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(keyId).build();
    }

    static JWTClaimsSet claims(AdmissionPass pass, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(pass.userId())
                .audience(pass.concertId())
                .claim(QUEUE_TOKEN, pass.queueToken())
                .claim(ACTIVATION, pass.activation())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(pass.expiresAt()))
                .build();
    }

    /** @throws IllegalArgumentException when a claim is missing or of the wrong kind */
    static AdmissionPass pass(JWTClaimsSet claims) {
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new IllegalArgumentException("issuer is not " + ISSUER);
        }
        if (claims.getAudience() == null || claims.getAudience().size() != 1) {
            throw new IllegalArgumentException("a pass names exactly one concert");
        }
        if (claims.getExpirationTime() == null) {
            throw new IllegalArgumentException("a pass has an expiry");
        }
        try {
            Long activation = claims.getLongClaim(ACTIVATION);
            String queueToken = claims.getStringClaim(QUEUE_TOKEN);
            if (activation == null || queueToken == null || claims.getSubject() == null) {
                throw new IllegalArgumentException("sub, " + QUEUE_TOKEN + " and " + ACTIVATION + " are required");
            }
            return new AdmissionPass(claims.getSubject(), claims.getAudience().get(0), queueToken, activation,
                    claims.getExpirationTime().toInstant());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("a claim has the wrong type", e);
        }
    }
}

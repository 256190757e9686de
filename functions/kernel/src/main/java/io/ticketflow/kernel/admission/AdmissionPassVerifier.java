package io.ticketflow.kernel.admission;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads a pass only if the queue signed it: ES256 with the queue's key, the pass type and issuer, every claim.
 * Nothing here reads a table or waits for an event; whose pass it is and whether it still holds is
 * {@link AdmissionPass#refusalFor}'s business.
 */
public final class AdmissionPassVerifier {

    private final Supplier<ECPublicKey> publicKey;
    private volatile ECDSAVerifier verifier;

    /** @param publicKey asked once, on the first pass (on AWS that is a KMS call a cold start need not pay) */
    public AdmissionPassVerifier(Supplier<ECPublicKey> publicKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** @throws PassRefused {@link PassRefusal#MISSING} or {@link PassRefusal#INVALID} */
    public AdmissionPass read(String compactPass) {
        if (compactPass == null || compactPass.isBlank()) {
            throw new PassRefused(PassRefusal.MISSING);
        }
        try {
            SignedJWT jwt = SignedJWT.parse(compactPass.strip());
            // the algorithm is pinned: a pass that names "none" or HS256 is not even looked at
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
                    || !PassTokens.TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(verifier())) {
                throw new PassRefused(PassRefusal.INVALID);
            }
            return PassTokens.pass(jwt.getJWTClaimsSet());
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            throw new PassRefused(PassRefusal.INVALID);
        }
    }

    private ECDSAVerifier verifier() throws JOSEException {
        ECDSAVerifier current = verifier;
        if (current == null) {
            current = new ECDSAVerifier(publicKey.get());
            verifier = current;
        }
        return current;
    }

    /** A pass that admits nobody, and why. */
    public static final class PassRefused extends RuntimeException {

        private final PassRefusal refusal;

        public PassRefused(PassRefusal refusal) {
            super(refusal.detail(), null, false, false);
            this.refusal = refusal;
        }

        public PassRefusal refusal() {
            return refusal;
        }
    }
}

package io.ticketflow.kernel.admission;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;

/** Signs with a P-256 private key held in memory (the local runtime's, generated when it starts). */
final class JwkPassSigner implements AdmissionPassSigner {

    private final ECKey key;
    private final ECDSASigner signer;

    JwkPassSigner(ECKey key) {
        if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve())) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key");
        }
        this.key = key;
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable signing key", e);
        }
    }

    @Override
    public String sign(AdmissionPass pass, Instant issuedAt) {
        SignedJWT jwt = new SignedJWT(PassTokens.header(key.getKeyID()), PassTokens.claims(pass, issuedAt));
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an admission pass", e);
        }
        return jwt.serialize();
    }
}

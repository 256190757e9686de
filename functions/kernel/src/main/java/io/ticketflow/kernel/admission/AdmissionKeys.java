package io.ticketflow.kernel.admission;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.ticketflow.kernel.function.Settings;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Where the pass keys come from, by configuration only: a KMS key on AWS ({@link #KMS_KEY_ID}), JWKs locally
 * ({@link #SIGNING_KEY} for the queue, {@link #PUBLIC_KEY} for the services that check passes). Without either,
 * the function fails at start-up: a service that cannot check passes must not start.
 */
public final class AdmissionKeys {

    /** ARN or id of a KMS key with KeySpec ECC_NIST_P256 and KeyUsage SIGN_VERIFY. */
    public static final String KMS_KEY_ID = "TICKETFLOW_ADMISSION_KMS_KEY_ID";
    /** A private P-256 JWK (JSON); local runs only. */
    public static final String SIGNING_KEY = "TICKETFLOW_ADMISSION_SIGNING_KEY";
    /** The public half of {@link #SIGNING_KEY} (JSON); local runs only. */
    public static final String PUBLIC_KEY = "TICKETFLOW_ADMISSION_PUBLIC_KEY";

    private AdmissionKeys() {
    }

    /** A fresh P-256 key pair for a local run: passes of an earlier run stop working, as they should. */
    public static ECKey newDevKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("dev-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a P-256 key", e);
        }
    }

    public static AdmissionPassSigner signer(Function<String, String> properties, Supplier<KmsClient> kms) {
        Settings settings = new Settings(properties);
        String jwk = settings.text(SIGNING_KEY);
        if (jwk != null) {
            return new JwkPassSigner(parse(SIGNING_KEY, jwk));
        }
        return new KmsPassSigner(kms, requireKmsKey(settings, SIGNING_KEY));
    }

    public static AdmissionPassVerifier verifier(Function<String, String> properties, Supplier<KmsClient> kms) {
        Settings settings = new Settings(properties);
        String jwk = settings.text(PUBLIC_KEY);
        if (jwk != null) {
            ECPublicKey key = publicKey(parse(PUBLIC_KEY, jwk));
            return new AdmissionPassVerifier(() -> key);
        }
        String keyId = requireKmsKey(settings, PUBLIC_KEY);
        return new AdmissionPassVerifier(() -> kmsPublicKey(kms.get(), keyId));
    }

    private static String requireKmsKey(Settings settings, String localAlternative) {
        String keyId = settings.text(KMS_KEY_ID);
        if (keyId == null) {
            throw new IllegalStateException("no admission pass key configured: set " + KMS_KEY_ID
                    + " (a KMS ECC_NIST_P256 signing key) or, for local runs, " + localAlternative);
        }
        return keyId;
    }

    private static ECKey parse(String name, String jwk) {
        try {
            ECKey key = ECKey.parse(jwk);
            if (!Curve.P_256.equals(key.getCurve())) {
                throw new IllegalArgumentException(name + " must be a P-256 key, was " + key.getCurve());
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalArgumentException(name + " is not an EC JWK: " + e.getMessage(), e);
        }
    }

    private static ECPublicKey publicKey(ECKey key) {
        try {
            return key.toECPublicKey();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable public key", e);
        }
    }

    private static ECPublicKey kmsPublicKey(KmsClient kms, String keyId) {
        byte[] subjectPublicKeyInfo = kms.getPublicKey(request -> request.keyId(keyId)).publicKey().asByteArray();
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("KMS key " + keyId + " is not an EC public key", e);
        }
    }
}

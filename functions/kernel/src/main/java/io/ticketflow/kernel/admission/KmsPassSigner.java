package io.ticketflow.kernel.admission;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs with a KMS asymmetric key (ECC_NIST_P256): the private key never leaves KMS. One Sign call per pass; the
 * queue answers with a pass only once a token is ACTIVE, so that is about one call per admitted user.
 */
final class KmsPassSigner implements AdmissionPassSigner {

    /** ES256 signatures are r‖s, 32 bytes each; KMS answers DER. */
    private static final int ES256_SIGNATURE_BYTES = 64;

    private final Supplier<KmsClient> kms;
    private final String keyId;
    /** The last segment of the key's ARN (its alias or id): every client sees it, the account id need not be in it. */
    private final String publicKeyId;

    KmsPassSigner(Supplier<KmsClient> kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
        this.publicKeyId = keyId.substring(keyId.lastIndexOf('/') + 1);
    }

    @Override
    public String sign(AdmissionPass pass, Instant issuedAt) {
        SignedJWT unsigned = new SignedJWT(PassTokens.header(publicKeyId), PassTokens.claims(pass, issuedAt));
        byte[] der = kms.get().sign(request -> request
                        .keyId(keyId)
                        .messageType(MessageType.RAW)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                        .message(SdkBytes.fromByteArray(unsigned.getSigningInput())))
                .signature().asByteArray();
        try {
            Base64URL signature = Base64URL.encode(ECDSA.transcodeSignatureToConcat(der, ES256_SIGNATURE_BYTES));
            return new SignedJWT(unsigned.getHeader().toBase64URL(), unsigned.getPayload().toBase64URL(), signature)
                    .serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("KMS answered a signature that is not ECDSA P-256", e);
        }
    }
}

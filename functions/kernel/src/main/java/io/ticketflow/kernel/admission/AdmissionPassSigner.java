package io.ticketflow.kernel.admission;

import java.time.Instant;

/** Signs admission passes: with a KMS key on AWS, with a key generated at start-up locally. */
public interface AdmissionPassSigner {

    /** @return the compact JWS the client sends back in {@link AdmissionProblems#HEADER} */
    String sign(AdmissionPass pass, Instant issuedAt);
}

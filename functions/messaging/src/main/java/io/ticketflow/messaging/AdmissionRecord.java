package io.ticketflow.messaging;

import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.kernel.admission.PassRefusal;
import java.util.Optional;

/**
 * The last revocation of one queue token a service's view applied.
 *
 * @param status       {@link #EXPIRED} (window over, booking done or given up) or {@link #WAITING} (put back in line)
 * @param lastSequence the token version the revocation produced
 */
record AdmissionRecord(String status, long lastSequence) {

    static final String EXPIRED = "EXPIRED";
    /** Put back in line after a failed payment: not admitted until activated again, with a new pass. */
    static final String WAITING = "WAITING";

    /**
     * A revocation only reaches passes of earlier activations: a token restored and then activated again has a
     * pass whose activation is newer than the restore, and the view must not refuse it while the events catch up.
     */
    Optional<PassRefusal> refusalOf(AdmissionPass pass) {
        if (lastSequence <= pass.activation()) {
            return Optional.empty();
        }
        return Optional.of(WAITING.equals(status) ? PassRefusal.TOKEN_WAITING : PassRefusal.REVOKED);
    }
}

package io.ticketflow.messaging;

import java.time.Instant;

/**
 * One token as a service's admission view holds it.
 *
 * @param activeUntil null until a QUEUE_ACTIVATED was applied
 */
record AdmissionRecord(String userId, String concertId, String status, Instant activeUntil) {

    static final String ACTIVE = "ACTIVE";
    static final String EXPIRED = "EXPIRED";
    /** Put back in line after a failed payment: not admitted until activated again. */
    static final String WAITING = "WAITING";

    /** The owner and concert are checked first, so a stranger learns nothing about someone else's token. */
    Admission judge(String callerId, String callerConcertId, Instant now) {
        if (!userId.equals(callerId)) {
            return new Admission(Admission.Status.OTHER_USER, null);
        }
        if (!concertId.equals(callerConcertId)) {
            return new Admission(Admission.Status.OTHER_CONCERT, null);
        }
        if (EXPIRED.equals(status)) {
            return new Admission(Admission.Status.EXPIRED, activeUntil);
        }
        if (!ACTIVE.equals(status) || activeUntil == null) {
            return new Admission(Admission.Status.NOT_ACTIVE, null);
        }
        // the clock decides, not the arrival of QUEUE_EXPIRED: a late or lost event must not extend the window
        return now.isBefore(activeUntil)
                ? new Admission(Admission.Status.ACTIVE, activeUntil)
                : new Admission(Admission.Status.EXPIRED, activeUntil);
    }
}

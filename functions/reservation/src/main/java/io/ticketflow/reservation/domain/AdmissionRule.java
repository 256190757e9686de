package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.messaging.Admission;

/** Only an ACTIVE queue token of the caller, for the concert concerned, lets a reservation call through. */
public final class AdmissionRule {

    private AdmissionRule() {
    }

    /** @throws ProblemException {@code queue-token-not-active}, saying why, for anything but ACTIVE */
    public static void requireActive(Admission admission) {
        String why = switch (admission.status()) {
            case ACTIVE -> null;
            case UNKNOWN_TOKEN, NOT_ACTIVE -> "the queue token is still waiting (not admitted yet)";
            case EXPIRED -> "the queue token has expired";
            case OTHER_USER -> "the queue token belongs to another user";
            case OTHER_CONCERT -> "the queue token is for another concert";
        };
        if (why != null) {
            throw new ProblemException(ReservationProblems.QUEUE_TOKEN_NOT_ACTIVE, why);
        }
    }
}

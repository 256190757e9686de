package io.ticketflow.reservation.function;

import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.kernel.http.HttpRequest;

/** A user names one of their reservations, with their admission pass ({@code GET} and {@code DELETE}).
 *
 * @param admissionPass the compact pass (a request without one is refused as it is read) */
public record ReservationQuery(String userId, String admissionPass, String reservationId) {

    /** {@code GET|DELETE /reservations/{reservationId}}, authenticated, header {@code X-Admission-Pass}. */
    public static ReservationQuery from(HttpRequest request) {
        return new ReservationQuery(request.requireCaller().userId(), AdmissionProblems.requiredPass(request),
                request.pathParameter("reservationId"));
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.kernel.http.HttpRequest;

/** A user names one of their reservations, with their admission pass ({@code GET} and {@code DELETE}).
 *
 * @param admissionPass the compact pass, null when the header is absent (the gate says why that is refused) */
public record ReservationQuery(String userId, String admissionPass, String reservationId) {

    /** {@code GET|DELETE /reservations/{reservationId}}, authenticated, header {@code X-Admission-Pass}. */
    public static ReservationQuery from(HttpRequest request) {
        return new ReservationQuery(request.requireCaller().userId(), request.header(AdmissionProblems.HEADER).orElse(null),
                request.pathParameter("reservationId"));
    }
}

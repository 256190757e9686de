package io.ticketflow.reservation.function;

import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user asks to hold seats of a schedule, with the admission pass the queue gave them.
 *
 * @param admissionPass the compact pass (a request without one is refused as it is read)
 */
public record HoldSeats(String userId, String admissionPass, String scheduleId, List<Integer> seatNos) {

    /** The body of {@code POST /reservations}. */
    public record Body(String scheduleId, List<Integer> seatNos) {
    }

    /** {@code POST /reservations}, authenticated, header {@code X-Admission-Pass}. */
    public static HoldSeats from(HttpRequest request, JsonMapper json) {
        String userId = request.requireCaller().userId();
        String admissionPass = AdmissionProblems.requiredPass(request);
        Body body = JsonBodies.read(request, Body.class, json);
        return new HoldSeats(userId, admissionPass, body.scheduleId(), body.seatNos());
    }
}

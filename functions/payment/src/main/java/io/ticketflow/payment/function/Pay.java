package io.ticketflow.payment.function;

import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.payment.domain.PaymentProblems;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /payments}: the caller pays for a reservation that waits for its payment.
 *
 * @param admissionPass the compact pass of header {@code X-Admission-Pass}, null when absent
 * @param faultAt the saga step to fail on purpose; null unless fault injection is enabled (local runtime only)
 * @param pointsToUse how much of the price the points pay; null for all of it (the body before card payments)
 * @param paymentMethod the provider's card token that pays the rest; null when the points pay it all
 */
public record Pay(String reservationId, String userId, String idempotencyKey, String admissionPass, String faultAt,
                  Long pointsToUse, String paymentMethod) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String FAULT_INJECT = "X-Fault-Inject";
    static final int MAX_KEY_LENGTH = 255;

    /** A payment in points alone: the body without {@code pointsToUse}. */
    public Pay(String reservationId, String userId, String idempotencyKey, String admissionPass, String faultAt) {
        this(reservationId, userId, idempotencyKey, admissionPass, faultAt, null, null);
    }

    /** The request body. */
    public record Body(String reservationId, Long pointsToUse, String paymentMethod) {
    }

    /**
     * @param faultInjection whether {@value #FAULT_INJECT} is honoured; elsewhere the header is ignored, so a
     *                       client cannot break bookings in a deployed system
     */
    public static Pay from(HttpRequest request, JsonMapper json, boolean faultInjection) {
        String userId = request.requireCaller().userId();
        String key = request.header(IDEMPOTENCY_KEY).map(String::strip).filter(k -> !k.isEmpty())
                .orElseThrow(() -> new ProblemException(PaymentProblems.IDEMPOTENCY_KEY_MISSING,
                        "the " + IDEMPOTENCY_KEY + " header is required, so that a retried payment is not made twice"));
        if (key.length() > MAX_KEY_LENGTH) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST,
                    "the " + IDEMPOTENCY_KEY + " header may have at most " + MAX_KEY_LENGTH + " characters");
        }
        String admissionPass = request.header(AdmissionProblems.HEADER).orElse(null);
        Body body = JsonBodies.read(request, Body.class, json);
        if (body.reservationId() == null || body.reservationId().isBlank()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "reservationId is required");
        }
        String faultAt = faultInjection ? request.header(FAULT_INJECT).filter(f -> !f.isBlank()).orElse(null) : null;
        return new Pay(body.reservationId(), userId, key, admissionPass, faultAt, body.pointsToUse(),
                body.paymentMethod());
    }
}

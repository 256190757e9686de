package io.ticketflow.payment.function;

import io.ticketflow.kernel.http.HttpRequest;

/** {@code GET /payments/{paymentId}}, authenticated: a user sees only their own payments. */
public record PaymentQuery(String paymentId, String userId) {

    public static PaymentQuery from(HttpRequest request) {
        return new PaymentQuery(request.pathParameter("paymentId"), request.requireCaller().userId());
    }
}

package io.ticketflow.payment.function;

import java.time.Instant;

/** The intent is stored: the user may pay until {@code expiresAt}. */
public record PaymentAwaited(String reservationId, Instant expiresAt) {
}

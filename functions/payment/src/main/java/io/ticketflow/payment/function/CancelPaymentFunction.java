package io.ticketflow.payment.function;

import io.ticketflow.kernel.provider.ProviderUnavailable;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.payment.domain.CardProvider;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Compensation of AuthorisePayment and CapturePayment (and a step of cancelling a confirmed booking): undoes the
 * reservation's payment. An authorised one is CANCELLED, its card authorisation voided under
 * {@code <reservationId>:void}; a captured one is REFUNDED, its card part given back under
 * {@code <reservationId>:refund}. Succeeds when there is nothing to undo — no payment, or one undone already — so the
 * saga may retry it freely; with no payment but a card part asked for, it still voids, because an authorisation
 * that timed out may have landed at the provider. A provider that does not answer fails it, so the saga retries and
 * at last reports the booking as stuck.
 */
public final class CancelPaymentFunction implements Function<CancelPayment, PaymentCancellation> {

    static final String DEFAULT_REASON = "BOOKING_FAILED";
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z_]*");

    private final PaymentRepository payments;
    private final CardProvider cards;
    private final Clock clock;

    public CancelPaymentFunction(PaymentRepository payments, CardProvider cards, Clock clock) {
        this.payments = payments;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public PaymentCancellation apply(CancelPayment input) {
        String reservationId = input.reservationId();
        if (reservationId == null || reservationId.isBlank()) {
            throw new IllegalArgumentException("reservationId is required in the CancelPayment payload");
        }
        Optional<Payment> stored = payments.findPayment(Payment.idFor(reservationId));
        if (stored.isEmpty()) {
            if (input.hadCardPart()) {
                provider(() -> cards.voidAuthorisation(CardProvider.voidKey(reservationId),
                        CardProvider.authoriseKey(reservationId)));
            }
            return new PaymentCancellation(reservationId, null, "NO_PAYMENT");
        }
        Payment payment = stored.get();
        Payment undone;
        if (payment.status() == PaymentStatus.AUTHORISED) {
            String voidRef = payment.card() == null ? null : provider(() -> cards.voidAuthorisation(
                    CardProvider.voidKey(reservationId), CardProvider.authoriseKey(reservationId)))
                    .orElseThrow(() -> new IllegalStateException("the provider knows no authorisation of "
                            + reservationId + " though payment " + payment.paymentId() + " holds one"));
            undone = payment.cancel(reasonOf(input), voidRef, clock.instant());
        } else if (payment.status() == PaymentStatus.CAPTURED) {
            String refundRef = payment.card() == null ? null : provider(() -> cards.refund(
                    CardProvider.refundKey(reservationId), CardProvider.authoriseKey(reservationId)));
            undone = payment.refund(reasonOf(input), refundRef, clock.instant());
        } else {
            return new PaymentCancellation(reservationId, payment.paymentId(), "ALREADY_CANCELLED");
        }
        if (!payments.saveChange(undone)) {
            return new PaymentCancellation(reservationId, payment.paymentId(), "ALREADY_CANCELLED");
        }
        return new PaymentCancellation(reservationId, payment.paymentId(), undone.status().name());
    }

    private static <T> T provider(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderUnavailable unavailable) {
            throw new TransientStepError(unavailable.getMessage(), unavailable);
        }
    }

    /** A compensation must not fail on a badly spelled reason: the event then says the generic one. */
    private static String reasonOf(CancelPayment input) {
        return input.reason() != null && REASON.matcher(input.reason()).matches() ? input.reason() : DEFAULT_REASON;
    }
}

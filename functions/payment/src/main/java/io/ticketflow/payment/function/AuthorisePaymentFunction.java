package io.ticketflow.payment.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.provider.ProviderUnavailable;
import io.ticketflow.kernel.saga.PaymentDeclined;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.payment.domain.CardPart;
import io.ticketflow.payment.domain.CardProvider;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentSplit;
import io.ticketflow.payment.domain.PaymentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Records the payment of a reservation, once, and authorises its card part at the provider under the key
 * {@code <reservationId>:authorise}: a retry finds the payment the first attempt stored (or, when the first attempt
 * timed out at the provider, gets the same authorisation back). Declines ({@link PaymentDeclined}, which the saga
 * catches) when the card is refused or there is nothing payable: no intent, a hold that has ended, or a payment
 * undone already; a provider that does not answer is a {@link TransientStepError}, retried by the saga.
 */
public final class AuthorisePaymentFunction implements Function<AuthorisePayment, PaymentReceipt> {

    private final PaymentRepository payments;
    private final CardProvider cards;
    private final Clock clock;

    public AuthorisePaymentFunction(PaymentRepository payments, CardProvider cards, Clock clock) {
        this.payments = payments;
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public PaymentReceipt apply(AuthorisePayment input) {
        if (input.reservationId() == null || input.reservationId().isBlank()) {
            throw new IllegalArgumentException("reservationId is required in the AuthorisePayment payload");
        }
        Instant now = clock.instant();
        var existing = payments.findPayment(Payment.idFor(input.reservationId()));
        if (existing.isPresent()) {
            return receiptOrDecline(existing.get());
        }
        PaymentIntent intent = payments.findIntent(input.reservationId())
                .orElseThrow(() -> new PaymentDeclined("no payment is awaited for reservation " + input.reservationId()));
        if (intent.expired(now)) {
            throw new PaymentDeclined("the hold of reservation " + input.reservationId() + " ended at " + intent.expiresAt());
        }
        PaymentSplit split = splitOf(input, intent);
        CardPart card = split.cardAmount() == 0 ? null : authorise(intent, split);
        return receiptOrDecline(payments.insertAuthorised(Payment.authorised(intent, split, card, now)));
    }

    /** POST /payments validated the split against the same intent; a saga resumed otherwise is declined. */
    private static PaymentSplit splitOf(AuthorisePayment input, PaymentIntent intent) {
        AuthorisePayment.Split asked = input.payment() == null ? new AuthorisePayment.Split(null, null) : input.payment();
        try {
            return PaymentSplit.of(intent.amount(), asked.pointsToUse(), asked.paymentMethod());
        } catch (ProblemException invalid) {
            throw new PaymentDeclined(invalid.getMessage());
        }
    }

    private CardPart authorise(PaymentIntent intent, PaymentSplit split) {
        try {
            String ref = cards.authorise(CardProvider.authoriseKey(intent.reservationId()), split.paymentMethod(),
                    split.cardAmount(), intent.reservationId());
            return CardPart.authorised(split.cardAmount(), split.paymentMethod(), ref);
        } catch (CardProvider.CardDeclined declined) {
            throw new PaymentDeclined(declined.getMessage());
        } catch (ProviderUnavailable unavailable) {
            throw new TransientStepError(unavailable.getMessage(), unavailable);
        }
    }

    private static PaymentReceipt receiptOrDecline(Payment payment) {
        if (payment.status() != PaymentStatus.AUTHORISED && payment.status() != PaymentStatus.CAPTURED) {
            throw new PaymentDeclined("the payment of reservation " + payment.reservationId() + " was "
                    + payment.status());
        }
        return PaymentReceipt.of(payment);
    }
}

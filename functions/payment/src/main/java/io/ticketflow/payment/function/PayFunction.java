package io.ticketflow.payment.function;

import io.ticketflow.kernel.Ids;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.payment.domain.BookingOutcome;
import io.ticketflow.payment.domain.BookingSaga;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentProblems;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentRequest;
import io.ticketflow.payment.domain.PaymentSplit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pays for a reservation whose booking saga waits for the payment: the first request of an Idempotency-Key
 * resumes the saga and waits a short while for the booking's outcome, which it keeps on its record; a repeat (also a
 * concurrent one) answers from that record, so the saga is resumed once, nothing is charged twice, and a replayed
 * payment never polls the saga.
 *
 * <p>A repeat is answered before the admission check on purpose: once the booking is confirmed its admission pass
 * is revoked, and the repeat must still get the same answer.
 */
public final class PayFunction implements Function<Pay, PaymentAnswer> {

    static final Duration FIRST_POLL = Duration.ofMillis(50);
    static final Duration MAX_POLL = Duration.ofMillis(400);
    /** The saga's first step stores the intent within moments of the hold's start. */
    static final Duration NOT_OPEN_RETRY_AFTER = Duration.ofSeconds(1);

    private final PaymentRepository payments;
    private final AdmissionGate admissions;
    private final BookingSaga saga;
    private final Clock clock;
    private final Duration confirmWait;

    /** @param confirmWait how long to wait for the booking's outcome before answering 202 */
    public PayFunction(PaymentRepository payments, AdmissionGate admissions, BookingSaga saga, Clock clock,
                       Duration confirmWait) {
        this.payments = payments;
        this.admissions = admissions;
        this.saga = saga;
        this.clock = clock;
        this.confirmWait = confirmWait;
    }

    @Override
    public PaymentAnswer apply(Pay pay) {
        Instant now = clock.instant();
        PaymentIntent intent = payments.findIntent(pay.reservationId()).filter(i -> i.ownedBy(pay.userId()))
                .orElseThrow(() -> noIntent(pay));
        PaymentSplit split = PaymentSplit.of(intent.amount(), pay.pointsToUse(), pay.paymentMethod());
        PaymentRequest request = new PaymentRequest(pay.userId(), pay.idempotencyKey(), pay.reservationId(),
                Ids.newId(), pay.faultAt(), now);
        Optional<PaymentRequest> earlier = payments.findRequest(request.requestKey());
        if (earlier.isEmpty()) {
            admissions.admit(pay.admissionPass(), pay.userId(), intent.concertId(), now);
            if (intent.expired(now)) {
                throw new ProblemException(PaymentProblems.HOLD_EXPIRED,
                        "the hold of reservation '" + pay.reservationId() + "' ended at " + intent.expiresAt());
            }
            earlier = payments.recordFirst(request);
            if (earlier.isEmpty()) {
                resume(intent, request, split);
                return remembered(request, awaitOutcome(pay.reservationId()));
            }
        }
        if (!earlier.get().sameReservation(pay.reservationId())) {
            throw new ProblemException(PaymentProblems.IDEMPOTENCY_KEY_REUSED, "this " + Pay.IDEMPOTENCY_KEY
                    + " was used for another reservation; use a new key for a new payment");
        }
        return stored(earlier.get());
    }

    /**
     * A repeat (or a concurrent twin) is answered from the first request's record, never by asking the saga: a replayed
     * payment costs two reads, whatever a client sends. Without a recorded end the booking is still running, or its
     * first request's answer was lost: 202, and {@code GET /bookings/{id}} tells the rest.
     */
    private static PaymentAnswer stored(PaymentRequest first) {
        if (first.outcome() == BookingStatus.CONFIRMED) {
            return PaymentAnswer.confirmed(first.reservationId());
        }
        if (first.outcome() == BookingStatus.FAILED) {
            return PaymentAnswer.failed(first.reservationId(), first.error());
        }
        return PaymentAnswer.processing(first.reservationId());
    }

    /** Keeps a final answer on the request, so that its repeats give the same one. */
    private PaymentAnswer remembered(PaymentRequest request, PaymentAnswer answer) {
        if (PaymentAnswer.CONFIRMED.equals(answer.status())) {
            payments.recordOutcome(request.settled(BookingStatus.CONFIRMED, null));
        } else if (PaymentAnswer.FAILED.equals(answer.status())) {
            payments.recordOutcome(request.settled(BookingStatus.FAILED, answer.error()));
        }
        return answer;
    }

    /**
     * Why there is no intent to pay. The hold starts the booking saga (named by the reservation id, its input naming
     * the user) before it answers, and the saga's first step stores the intent; so a running saga of the caller
     * means the payment opens in a moment, and anything else (no saga, someone else's, ended) is not found. Only
     * this miss path costs the extra DescribeExecution.
     */
    private ProblemException noIntent(Pay pay) {
        boolean opening = saga.outcome(pay.reservationId())
                .filter(outcome -> outcome.ownedBy(pay.userId()) && outcome.status() == BookingStatus.RUNNING)
                .isPresent();
        return opening
                ? new ProblemException(PaymentProblems.PAYMENT_NOT_OPEN, "the booking of reservation '"
                        + pay.reservationId() + "' is not ready for its payment yet; send the same request again shortly",
                        NOT_OPEN_RETRY_AFTER)
                : new ProblemException(PaymentProblems.NOT_AWAITING_PAYMENT,
                        "no booking of yours waits for a payment of reservation '" + pay.reservationId() + "'");
    }

    private void resume(PaymentIntent intent, PaymentRequest request, PaymentSplit split) {
        try {
            saga.resume(intent.taskToken(),
                    new BookingSaga.ResumeSignal(request.requestId(), request.idempotencyKey(), request.faultAt(),
                            split));
        } catch (RuntimeException notResumed) {
            // the key must not stay recorded for a saga that was never resumed: its retry would only wait
            payments.forgetRequest(request);
            throw notResumed;
        }
    }

    private PaymentAnswer awaitOutcome(String reservationId) {
        Instant deadline = clock.instant().plus(confirmWait);
        Duration pause = FIRST_POLL;
        while (true) {
            Optional<BookingOutcome> outcome = saga.outcome(reservationId);
            if (outcome.isPresent() && outcome.get().status() == BookingStatus.CONFIRMED) {
                return PaymentAnswer.confirmed(reservationId);
            }
            if (outcome.isPresent() && outcome.get().status() == BookingStatus.FAILED) {
                return PaymentAnswer.failed(reservationId, outcome.get().error());
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return PaymentAnswer.processing(reservationId);
            }
            sleep(pause.compareTo(left) < 0 ? pause : left);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) < 0 ? pause.multipliedBy(2) : MAX_POLL;
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the booking", e);
        }
    }
}

package io.ticketflow.reservation.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.reservation.domain.BookingCancellations;
import io.ticketflow.reservation.domain.CancellationPolicy;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * The owner cancels a CONFIRMED booking: its cancellation saga starts (refund points, cancel the payment, release
 * the seats) and the answer is 202. No queue token is needed — the booking is done and its token expired. A
 * repeated request is accepted again as long as the cancellation it started is known. From the policy's cut-off
 * before the show on, a booking can no longer be cancelled ({@code cancellation-closed}).
 */
public final class CancelBookingFunction implements Function<CancelBooking, BookingCancellationAccepted> {

    private final ReservationRepository reservations;
    private final BookingCancellations cancellations;
    private final CancellationPolicy policy;
    private final Clock clock;

    public CancelBookingFunction(ReservationRepository reservations, BookingCancellations cancellations,
                                 CancellationPolicy policy, Clock clock) {
        this.reservations = reservations;
        this.cancellations = cancellations;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public BookingCancellationAccepted apply(CancelBooking request) {
        Instant now = clock.instant();
        Reservation reservation = reservations.find(request.reservationId())
                .filter(found -> found.ownedBy(request.userId()))
                .orElseThrow(() -> new ProblemException(ReservationProblems.RESERVATION_NOT_FOUND,
                        "no reservation '" + request.reservationId() + "'"));
        if (reservation.status() == ReservationStatus.CANCELLED && cancellations.started(reservation.reservationId())) {
            return BookingCancellationAccepted.of(reservation.reservationId());
        }
        reservation.requireCancellableBooking(now);
        policy.requireOpen(reservation, now);
        cancellations.start(reservation);
        return BookingCancellationAccepted.of(reservation.reservationId());
    }
}

package io.ticketflow.reservation.domain;

import io.ticketflow.kernel.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Until when a confirmed booking may be cancelled with a full refund: up to {@code cutoff} before the show starts,
 * so that seats given back can still be sold and nobody is refunded for a show that has begun.
 */
public record CancellationPolicy(Duration cutoff) {

    public static final Duration DEFAULT_CUTOFF = Duration.ofHours(24);

    public CancellationPolicy {
        Objects.requireNonNull(cutoff, "cutoff");
        if (cutoff.isNegative()) {
            throw new IllegalArgumentException("cutoff must be 0 or more, was " + cutoff);
        }
    }

    public static CancellationPolicy defaults() {
        return new CancellationPolicy(DEFAULT_CUTOFF);
    }

    /** The first instant at which the booking can no longer be cancelled. */
    public Instant closesAt(Reservation booking) {
        return booking.startsAt().minus(cutoff);
    }

    /**
     * @throws ProblemException {@code cancellation-closed} from {@link #closesAt} on
     */
    public void requireOpen(Reservation booking, Instant now) {
        Instant closesAt = closesAt(booking);
        if (!now.isBefore(closesAt)) {
            throw new ProblemException(ReservationProblems.CANCELLATION_CLOSED, "reservation " + booking.reservationId()
                    + " is for a show starting at " + booking.startsAt() + "; bookings can be cancelled until "
                    + closesAt + " (" + readable(cutoff) + " before the start)");
        }
    }

    private static String readable(Duration duration) {
        return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0
                ? duration.toHours() + " h" : duration.toSeconds() + " s";
    }
}

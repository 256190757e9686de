package io.ticketflow.reservation.function;

import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ReservationStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The scheduled sweeper: PENDING reservations whose hold ended become EXPIRED, their locks are released and
 * RESERVATION_EXPIRED is emitted. Seats never wait for it — a hold's condition already treats an ended hold as
 * free — so it only makes the state and the events catch up; its conditions make it emit once per reservation
 * even when two sweeps race.
 */
public final class ExpireHoldsFunction implements Function<SweepTick, SweepReport> {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10;

    private final ReservationRepository reservations;
    private final Clock clock;

    public ExpireHoldsFunction(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public SweepReport apply(SweepTick tick) {
        Instant now = clock.instant();
        int expired = 0;
        int skipped = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Reservation> due = reservations.pendingEndedBefore(now, PAGE_SIZE).stream()
                    .filter(reservation -> reservation.status() == ReservationStatus.PENDING && reservation.holdEnded(now))
                    .toList();
            int done = 0;
            for (Reservation reservation : due) {
                if (reservations.release(reservation.expire(now), null, now)) {
                    done++;
                } else {
                    skipped++;
                }
            }
            expired += done;
            // a short page means nothing is left; a page that expired nothing would only be read again
            if (due.size() < PAGE_SIZE || done == 0) {
                break;
            }
        }
        return new SweepReport(expired, skipped);
    }
}

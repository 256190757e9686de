package io.ticketflow.reservation.function;

import io.ticketflow.kernel.Ids;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.kernel.admission.AdmissionPass;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.reservation.domain.BookingSagas;
import io.ticketflow.reservation.domain.HoldPolicy;
import io.ticketflow.reservation.domain.Reservation;
import io.ticketflow.reservation.domain.ReservationProblems;
import io.ticketflow.reservation.domain.ReservationRepository;
import io.ticketflow.reservation.domain.ScheduleInventory;
import io.ticketflow.reservation.domain.Seat;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Holds seats for an admitted user: all of them or none, never a seat someone else holds. The schedule is read
 * first because the admission is per concert; nothing is written unless the admission pass holds and every seat is valid.
 * A new hold starts its booking saga, which waits for the payment until the hold ends.
 */
public final class HoldSeatsFunction implements Function<HoldSeats, ReservationView> {

    private static final System.Logger LOG = System.getLogger(HoldSeatsFunction.class.getName());

    private final ReservationRepository reservations;
    private final AdmissionGate admissions;
    private final HoldPolicy policy;
    private final BookingSagas sagas;
    private final Clock clock;

    public HoldSeatsFunction(ReservationRepository reservations, AdmissionGate admissions, HoldPolicy policy,
                             BookingSagas sagas, Clock clock) {
        this.reservations = reservations;
        this.admissions = admissions;
        this.policy = policy;
        this.sagas = sagas;
        this.clock = clock;
    }

    @Override
    public ReservationView apply(HoldSeats command) {
        if (command.scheduleId() == null || command.scheduleId().isBlank()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "scheduleId is required");
        }
        ScheduleInventory schedule = reservations.inventory(command.scheduleId(),
                        ScheduleInventory.seatsToRead(command.seatNos(), policy))
                .orElseThrow(() -> new ProblemException(ReservationProblems.UNKNOWN_SCHEDULE,
                        "no schedule '" + command.scheduleId() + "'"));
        Instant now = clock.instant();
        AdmissionPass admitted = admissions.admit(command.admissionPass(), command.userId(), schedule.concertId(), now);
        List<Seat> seats = schedule.select(command.seatNos(), policy);
        Reservation pending = Reservation.hold(Ids.newId(), command.userId(), schedule, seats, admitted.queueToken(), now, policy);
        try {
            reservations.hold(pending, now);
        } catch (ReservationRepository.SeatsUnavailable taken) {
            throw new ProblemException(ReservationProblems.SEAT_UNAVAILABLE,
                    "seat(s) " + taken.seatNos() + " of schedule '" + schedule.scheduleId() + "' are held by someone else");
        }
        try {
            sagas.start(pending);
        } catch (RuntimeException notStarted) {
            // the seats are held either way: without its saga the hold simply ends and the sweeper frees them
            LOG.log(System.Logger.Level.WARNING, "booking saga of " + pending.reservationId() + " not started: " + notStarted);
        }
        return ReservationView.of(pending, now);
    }
}

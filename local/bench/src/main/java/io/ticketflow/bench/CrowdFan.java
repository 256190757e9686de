package io.ticketflow.bench;

import io.ticketflow.local.PointTopUps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * One fan of the crowd once they have a place in line: waits for ACTIVE, looks at the seat map, holds seats (trying
 * others when someone was faster), tops up exactly what the hold costs (or one point less, if that is what they are
 * drawn to do) and pays — or walks away and lets the hold lapse. What they meant to do is drawn from the run's seed,
 * so the mix of failures is the same in every run.
 */
final class CrowdFan {

    /** What the fan means to do once admitted. */
    enum Intent {
        PAY(null), SHORT_OF_POINTS(null), PAYMENT_FAILS("authorisePayment"), CONFIRMATION_FAILS("confirmReservation"),
        LETS_HOLD_LAPSE(null);

        final String faultAt;

        Intent(String faultAt) {
            this.faultAt = faultAt;
        }

        /** 86 % pay; 4 % each run short of points, meet a payment fault, meet a confirmation fault; 2 % walk away. */
        static Intent draw(Random random) {
            int roll = random.nextInt(100);
            if (roll < 4) {
                return SHORT_OF_POINTS;
            }
            if (roll < 8) {
                return PAYMENT_FAILS;
            }
            if (roll < 12) {
                return CONFIRMATION_FAILS;
            }
            return roll < 14 ? LETS_HOLD_LAPSE : PAY;
        }
    }

    /** How a fan's visit ended, as the fan saw it. */
    enum End { CONFIRMED, FAILED_AS_MEANT, HOLD_LEFT_TO_LAPSE, NO_SEAT, NOT_REACHED, UNEXPECTED }

    /** A fan in line: who, their queue token, and when they entered (wall clock, to compare with activeUntil). */
    record Entered(String userId, String bearer, String token, Instant enteredAt, Intent intent, int seatsWanted) {
    }

    /**
     * @param activatedAfterEnter time from the enter request to the activation tick that admitted the fan (from
     *                            {@code activeUntil} − the active window), null when never seen ACTIVE
     * @param holdToEndMillis     from sending the successful hold to knowing the booking's end; null without one
     */
    record Outcome(Entered fan, End end, String reservationId, List<Integer> seatNos, String detail,
                   Duration activatedAfterEnter, Double holdToEndMillis, Instant endedAt, boolean charged) {
    }

    private static final int HOLD_ATTEMPTS = 5;
    /** Asks a fan sends while the saga catches up (not yet waiting for the payment, or still running): 60 s. */
    private static final int MAX_ASKS = 240;
    private static final Duration PAUSE = Duration.ofMillis(250);
    private static final String HOLD_ALREADY_PENDING = "/problems/hold-already-pending";

    /** Seats {@code first}..{@code last} of a schedule: one section of a hall. */
    record SeatRange(int first, int last) {
    }

    private final CrowdClient client;
    private final String scheduleId;
    private final Duration activeWindow;
    private final List<SeatRange> sections;

    CrowdFan(CrowdClient client, String scheduleId, Duration activeWindow) {
        this(client, scheduleId, activeWindow, List.of());
    }

    /** @param sections a fan looks at one of these at a time, as on a stadium's plan; empty: the whole map */
    CrowdFan(CrowdClient client, String scheduleId, Duration activeWindow, List<SeatRange> sections) {
        this.client = client;
        this.scheduleId = scheduleId;
        this.activeWindow = activeWindow;
        this.sections = List.copyOf(sections);
    }

    /** The fan's whole visit after entering; gives up waiting for ACTIVE at {@code deadline}. */
    Outcome visit(Entered fan, Instant deadline, Random random) {
        Duration waited = null;
        String admissionPass = null;
        while (waited == null) {
            CrowdClient.Answer status = client.status(fan.bearer(), fan.token());
            if (!status.is(200)) {
                return end(fan, End.UNEXPECTED, null, List.of(), "status " + status.status() + " " + status.body(), null, null);
            }
            switch (status.body().path("status").asString()) {
                case "ACTIVE" -> {
                    waited = Duration.between(fan.enteredAt(),
                            Instant.parse(status.body().path("activeUntil").asString()).minus(activeWindow));
                    admissionPass = status.body().path("admissionPass").asString(null);
                }
                case "WAITING" -> {
                    if (Instant.now().isAfter(deadline)) {
                        return end(fan, End.NOT_REACHED, null, List.of(), "still WAITING at the deadline", null, null);
                    }
                    pause(Duration.ofMillis(500));
                }
                default -> {
                    return end(fan, End.UNEXPECTED, null, List.of(), "token " + status.body(), null, null);
                }
            }
        }
        return book(fan, admissionPass, waited, random);
    }

    private Outcome book(Entered fan, String admissionPass, Duration waited, Random random) {
        CrowdClient.Answer held = null;
        long holdSent = 0;
        List<Integer> seatNos = List.of();
        int conflicts = 0;
        while (held == null) {
            List<Integer> free = freeSeats(fan.seatsWanted(), random);
            if (free.size() < fan.seatsWanted()) {
                return end(fan, End.NO_SEAT, null, List.of(), "sold out", waited, null);
            }
            seatNos = pick(free, fan.seatsWanted(), random);
            holdSent = System.nanoTime();
            CrowdClient.Answer answer = client.hold(fan.bearer(), admissionPass, scheduleId, seatNos);
            if (answer.is(201)) {
                held = answer;
            } else if (answer.problemType().endsWith(HOLD_ALREADY_PENDING)) {
                // a repeat after a lost answer (faults on): the first try holds seats the fan never learnt of, and
                // its token may hold nothing else until that hold lapses
                return end(fan, End.NO_SEAT, null, List.of(), "hold went through unseen: " + answer.body(), waited, null);
            } else if (answer.is(409)) {
                if (++conflicts >= HOLD_ATTEMPTS) {
                    return end(fan, End.NO_SEAT, null, List.of(), conflicts + " holds refused: seats taken", waited, null);
                }
            } else {
                return end(fan, End.UNEXPECTED, null, seatNos, "hold " + answer.status() + " " + answer.body(), waited, null);
            }
        }
        String reservationId = held.body().path("reservationId").asString();
        long total = held.body().path("totalPrice").longValue();
        long topUp = fan.intent() == Intent.SHORT_OF_POINTS ? total - 1 : total;
        PointTopUps.Outcome bought = client.topUp(fan.bearer(), topUp);
        if (!bought.credited()) {
            return end(fan, End.UNEXPECTED, reservationId, seatNos, bought.detail(), waited, null);
        }
        if (fan.intent() == Intent.LETS_HOLD_LAPSE) {
            return new Outcome(fan, End.HOLD_LEFT_TO_LAPSE, reservationId, seatNos, "walked away", waited, null,
                    Instant.now(), true);
        }
        // half of the fans who mean to have the points pay half by card, so the audit's card invariant has cards to check
        BookingClient.Split split = fan.intent() != Intent.SHORT_OF_POINTS && random.nextBoolean()
                ? BookingClient.Split.halfByCard(total, "tok_approve") : BookingClient.Split.ALL_POINTS;
        String status = pay(fan, admissionPass, reservationId, split);
        double holdToEnd = (System.nanoTime() - holdSent) / 1e6;
        boolean meantToFail = fan.intent() != Intent.PAY;
        End end = status.equals("CONFIRMED") && !meantToFail ? End.CONFIRMED
                : status.startsWith("FAILED") && meantToFail ? End.FAILED_AS_MEANT : End.UNEXPECTED;
        return new Outcome(fan, end, reservationId, seatNos, fan.intent() + " → " + status, waited, holdToEnd,
                Instant.now(), true);
    }

    /**
     * Pays with the pass the hold went through on, asking again, after the answer's Retry-After, only while the
     * payment is not open yet (409 payment-not-open: the saga has not parked in AwaitPayment); then the end the fan
     * learns.
     */
    private String pay(Entered fan, String admissionPass, String reservationId, BookingClient.Split split) {
        CrowdClient.Answer answer = client.pay(fan.bearer(), admissionPass, reservationId, fan.intent().faultAt, split);
        for (int tries = 1; answer.askAgainLater(); tries++) {
            if (tries >= MAX_ASKS) {
                return "pay " + answer.status() + " " + answer.problemType();
            }
            pause(answer.retryAfter());
            answer = client.pay(fan.bearer(), admissionPass, reservationId, fan.intent().faultAt, split);
        }
        if (answer.is(403)) {
            // the pass the hold went through on is good until the window ends: a refusal here is a broken booking
            return "pay refused " + answer.problemType();
        }
        if (answer.is(200) && "CONFIRMED".equals(answer.body().path("status").asString())) {
            return "CONFIRMED";
        }
        JsonNode booking = settled(fan.bearer(), reservationId);
        String status = booking.path("status").asString();
        // a failure the fan did not mean is only explained by the saga's error, so it goes into the outcome's detail
        return booking.hasNonNull("error") ? status + " " + booking.path("error") : status;
    }

    /** {@code GET /bookings/{id}} until the saga has ended. */
    JsonNode settled(String bearer, String reservationId) {
        for (int tries = 1; ; tries++) {
            CrowdClient.Answer booking = client.booking(bearer, reservationId);
            if (!booking.is(200)) {
                throw new IllegalStateException("booking " + reservationId + " answered " + booking.status() + " " + booking.body());
            }
            if (!"RUNNING".equals(booking.body().path("status").asString()) || tries >= MAX_ASKS) {
                return booking.body();
            }
            pause(PAUSE);
        }
    }

    /** The free seats of a section the fan picks, or of the whole map when there are no sections or it has too few. */
    private List<Integer> freeSeats(int wanted, Random random) {
        if (!sections.isEmpty()) {
            List<Integer> free = freeSeats(sections.get(random.nextInt(sections.size())));
            if (free.size() >= wanted) {
                return free;
            }
        }
        return freeSeats(null);
    }

    private List<Integer> freeSeats(SeatRange section) {
        CrowdClient.Answer map = section == null ? client.seatMap(scheduleId) : client.seatMap(scheduleId, section);
        if (!map.is(200)) {
            throw new IllegalStateException("seat map of " + scheduleId + " answered " + map.status() + " " + map.body());
        }
        List<Integer> free = new ArrayList<>();
        map.body().path("seats").forEach(seat -> {
            if ("FREE".equals(seat.path("status").asString())) {
                free.add(seat.path("seatNo").intValue());
            }
        });
        return free;
    }

    /** Half the fans want the best seats left (the first 100 free), the others take any: some holds collide. */
    private static List<Integer> pick(List<Integer> free, int wanted, Random random) {
        int range = random.nextBoolean() ? Math.min(100, free.size()) : free.size();
        Set<Integer> picked = new TreeSet<>();
        while (picked.size() < wanted) {
            picked.add(free.get(random.nextInt(range)));
        }
        return List.copyOf(picked);
    }

    private static Outcome end(Entered fan, End end, String reservationId, List<Integer> seatNos, String detail,
                               Duration waited, Double holdToEnd) {
        return new Outcome(fan, end, reservationId, seatNos, detail, waited, holdToEnd, Instant.now(), false);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

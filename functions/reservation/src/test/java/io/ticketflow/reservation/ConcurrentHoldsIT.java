package io.ticketflow.reservation;

import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static io.ticketflow.reservation.ReservationFixture.CONCERT;
import static io.ticketflow.reservation.ReservationFixture.SCHEDULE;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.ReservationResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.testing.Race;
import io.ticketflow.reservation.domain.SeatLock;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Many admitted users race for the same seats through the real {@code holdSeats} function; the emulator serialises
 * DynamoDB requests the way DynamoDB serialises conflicting transactions, so the conditions decide.
 */
@ExtendWith(MotoExtension.class)
class ConcurrentHoldsIT {

    private static final int THREADS = 32;

    private ReservationFixture fixture;

    /** Tables of its own per test, so that counting a table's items counts this race only. */
    @BeforeEach
    void start(EmulatorEndpoint endpoint) {
        fixture = ReservationFixture.start(endpoint, Map.of());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void twoHundredConcurrentHolds_onTheSameSeat_exactlyOneSucceeds_andTheOthersGet409() throws Exception {
        Map<String, String> tokenByUser = users("race", 200);
        fixture.admit(tokenByUser, CONCERT, Instant.now().plusSeconds(300));

        List<JsonNode> responses = Race.of(THREADS, tokenByUser.entrySet().stream()
                .map(user -> (Callable<JsonNode>) () -> fixture.hold(user.getKey(), user.getValue(), SCHEDULE, 1))
                .toList());

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(r -> r.get("statusCode").intValue(), TreeMap::new, Collectors.counting()));
        assertThat(byStatus).containsExactly(Map.entry(201, 1L), Map.entry(409, 199L));
        responses.stream().filter(r -> r.get("statusCode").intValue() == 409)
                .forEach(r -> assertProblem(r, 409, "seat-unavailable"));
        String winner = responses.stream().filter(r -> r.get("statusCode").intValue() == 201)
                .map(r -> fixture.body(r).get("reservationId").stringValue()).findFirst().orElseThrow();
        assertThat(fixture.count(ReservationResources.SEAT_LOCKS_TABLE)).isEqualTo(1);
        assertThat(fixture.count(ReservationResources.RESERVATIONS_TABLE)).isEqualTo(1);
        List<EventEnvelope> created = fixture.eventsValidated(EventTypes.RESERVATION_CREATED);
        assertThat(created).singleElement().extracting(EventEnvelope::aggregateId).isEqualTo(winner);
        assertThat(fixture.eventsValidated()).hasSize(1);
    }

    @Test
    void overlappingMultiSeatHolds_fromManyUsers_neverPutASeatInTwoReservations_andFailedHoldsHoldNothing() throws Exception {
        String schedule = "schedule-overlap";
        fixture.publish("concert-overlap", schedule);
        Map<String, String> tokenByUser = users("overlap", 60);
        fixture.admit(tokenByUser, "concert-overlap", Instant.now().plusSeconds(300));
        Random random = new Random(42);
        Map<String, List<Integer>> wanted = new LinkedHashMap<>();
        // 60 users, 1–4 seats each out of 12: plenty of overlap, and some holds fit
        tokenByUser.keySet().forEach(user -> wanted.put(user, IntStream.generate(() -> 1 + random.nextInt(12))
                .distinct().limit(1 + random.nextInt(4)).boxed().toList()));

        List<String> users = new ArrayList<>(tokenByUser.keySet());
        List<JsonNode> responses = Race.of(THREADS, users.stream()
                .map(user -> (Callable<JsonNode>) () -> fixture.hold(user, tokenByUser.get(user), schedule,
                        wanted.get(user).toArray(Integer[]::new)))
                .toList());

        Map<String, List<Integer>> seatsByReservation = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            int status = responses.get(i).get("statusCode").intValue();
            assertThat(status).as(responses.get(i).toString()).isIn(201, 409);
            if (status == 201) {
                JsonNode reservation = fixture.body(responses.get(i));
                List<Integer> seats = new ArrayList<>();
                reservation.get("seats").forEach(seat -> seats.add(seat.get("seatNo").intValue()));
                assertThat(seats).isEqualTo(wanted.get(users.get(i)));
                seatsByReservation.put(reservation.get("reservationId").stringValue(), seats);
            }
        }
        List<Integer> allHeld = seatsByReservation.values().stream().flatMap(List::stream).toList();
        assertThat(allHeld).doesNotHaveDuplicates().isNotEmpty();
        List<SeatLock> locks = fixture.adapter().seatLocks(schedule);
        // every lock belongs to a successful hold and every seat of a successful hold is locked: failed holds hold nothing
        assertThat(locks).extracting(SeatLock::seatNo).containsExactlyInAnyOrderElementsOf(allHeld);
        assertThat(fixture.count(ReservationResources.RESERVATIONS_TABLE)).isEqualTo(seatsByReservation.size());
        assertThat(locks).allSatisfy(lock ->
                assertThat(seatsByReservation.get(lock.reservationId())).contains(lock.seatNo()));
        assertThat(fixture.eventsValidated(EventTypes.RESERVATION_CREATED))
                .extracting(EventEnvelope::aggregateId)
                .containsExactlyInAnyOrderElementsOf(seatsByReservation.keySet());
    }

    private static Map<String, String> users(String prefix, int count) {
        Map<String, String> tokenByUser = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            tokenByUser.put(prefix + "-user-" + i, prefix + "-qt-" + i);
        }
        return tokenByUser;
    }
}

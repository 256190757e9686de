package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.concert.adapter.DynamoDbSeatMapStore;
import io.ticketflow.concert.adapter.SeatMapReplay;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.concert.domain.SeatState;
import io.ticketflow.concert.domain.SeatStatus;
import io.ticketflow.concert.function.PublishConcertFunction;
import io.ticketflow.concert.function.ReplayReport;
import io.ticketflow.concert.function.ReplaySeatMaps;
import io.ticketflow.concert.function.ReplaySeatMapsFunction;
import io.ticketflow.concert.function.ConcertToPublish;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.SqsBatches;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A random mix of holds, cancels, expiries and confirmations, generated against a simulated lock table (a seat is
 * held only when free, a multi-seat hold is all-or-nothing), stored in the Reservation outbox and delivered to the
 * live projector shuffled and with duplicates. The live seat maps must match the simulation, and the replay from
 * the event stores must give the same maps.
 */
@ExtendWith(MotoExtension.class)
class SeatMapReplayIT {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final List<String> SCHEDULES = List.of("schedule-1-1", "schedule-1-2", "schedule-1-3");
    private static final long SEED = 20261125L;

    private static ConcertFixture fixture;
    private static Simulation simulation;

    @BeforeAll
    static void runTheMix(EmulatorEndpoint endpoint) {
        fixture = ConcertFixture.withTables(endpoint);
        new PublishConcertFunction(fixture.catalog(CLOCK)).apply(ConcertToPublish.of(DemoCatalogue.concert(1)));
        simulation = new Simulation(new Random(SEED));
        simulation.run(90);
        simulation.events.forEach(fixture::assertValid);
        fixture.storeReservationEvents(simulation.events);

        List<EventEnvelope> deliveries = new ArrayList<>(simulation.events);
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 15; i++) {
            deliveries.add(simulation.events.get(random.nextInt(simulation.events.size())));
        }
        Collections.shuffle(deliveries, random);
        EventConsumer projector = fixture.projector(CLOCK);
        for (int from = 0; from < deliveries.size(); from += 10) {
            String[] bodies = deliveries.subList(from, Math.min(from + 10, deliveries.size())).stream()
                    .map(fixture::body).toArray(String[]::new);
            assertThat(projector.apply(SqsBatches.of(bodies)).getBatchItemFailures()).isEmpty();
        }
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void liveProjection_afterShuffledDuplicatedDelivery_matchesTheSimulatedLockTable() {
        assertThat(simulation.events).hasSizeGreaterThan(60);
        for (String scheduleId : SCHEDULES) {
            SeatMap live = fixture.seatMaps().findWithHistory(scheduleId).orElseThrow();
            for (SeatState seat : live.seats()) {
                assertThat(seat.status()).as("%s seat %d", scheduleId, seat.seatNo())
                        .isEqualTo(simulation.expectedStatus(scheduleId, seat.seatNo()));
                assertThat(seat.reservationId()).as("%s seat %d holder", scheduleId, seat.seatNo())
                        .isEqualTo(simulation.expectedHolder(scheduleId, seat.seatNo()));
            }
        }
    }

    @Test
    void replayFromTheEventStores_givesTheSameSeatMapsAsTheLiveProjection() {
        SortedMap<String, SeatMap> rebuilt = fixture.replay(CLOCK).rebuild();

        assertThat(rebuilt).containsOnlyKeys(SCHEDULES);
        for (String scheduleId : SCHEDULES) {
            SeatMap live = fixture.seatMaps().findWithHistory(scheduleId).orElseThrow();
            assertThat(rebuilt.get(scheduleId).sameProjectionAs(live)).as(scheduleId).isTrue();
        }
    }

    @Test
    void replayStored_overALostSeatMap_restoresTheLiveProjection() {
        DynamoDbSeatMapStore seatMaps = fixture.seatMaps();
        SeatMap live = seatMaps.findWithHistory("schedule-1-2").orElseThrow();
        Schedule schedule = DemoCatalogue.concert(1).schedules().get(1);
        assertThat(seatMaps.store(SeatMap.published("concert-1", schedule), T0)).isTrue();
        assertThat(seatMaps.findWithHistory("schedule-1-2").orElseThrow().sameProjectionAs(live)).isFalse();
        ReplaySeatMapsFunction replay = new ReplaySeatMapsFunction(fixture.replay(CLOCK), seatMaps);

        ReplayReport report = replay.apply(new ReplaySeatMaps(true));

        assertThat(report.seatMaps()).isEqualTo(3);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(seatMaps.findWithHistory("schedule-1-2").orElseThrow().sameProjectionAs(live)).isTrue();
        assertThat(replay.apply(new ReplaySeatMaps(false))).isEqualTo(new ReplayReport(3, 3, false));
    }

    /** The Reservation service's rules, as a test oracle: one holder per seat, all-or-nothing holds. */
    private static final class Simulation {

        private final Random random;
        private final List<EventEnvelope> events = new ArrayList<>();
        private final Map<String, Map<Integer, String>> holders = new HashMap<>();
        private final Map<String, Map<Integer, SeatStatus>> statuses = new HashMap<>();
        private final Map<String, Pending> pending = new TreeMap<>();
        private Instant now = T0;

        Simulation(Random random) {
            this.random = random;
            SCHEDULES.forEach(s -> {
                holders.put(s, new HashMap<>());
                statuses.put(s, new HashMap<>());
            });
        }

        void run(int steps) {
            for (int step = 0; step < steps; step++) {
                now = now.plusMillis(1 + random.nextInt(900));
                int action = random.nextInt(10);
                if (action < 5 || pending.isEmpty()) {
                    hold();
                } else {
                    String reservation = new ArrayList<>(pending.keySet()).get(random.nextInt(pending.size()));
                    Pending held = pending.remove(reservation);
                    if (action < 7) {
                        release(reservation, held);
                        events.add(ReservationEventMother.cancelled(reservation, "concert-1", held.scheduleId, held.seatNos, now));
                    } else if (action < 9) {
                        release(reservation, held);
                        events.add(ReservationEventMother.expired(reservation, "concert-1", held.scheduleId, held.seatNos, now));
                    } else {
                        held.seatNos.forEach(seatNo -> statuses.get(held.scheduleId).put(seatNo, SeatStatus.SOLD));
                        events.add(ReservationEventMother.confirmed(reservation, "concert-1", held.scheduleId, held.seatNos, now));
                    }
                }
            }
        }

        private void hold() {
            String scheduleId = SCHEDULES.get(random.nextInt(SCHEDULES.size()));
            List<Integer> seatNos = new ArrayList<>();
            int wanted = 1 + random.nextInt(3);
            while (seatNos.size() < wanted) {
                // a small seat range makes holds collide often
                int seatNo = 1 + random.nextInt(12);
                if (!seatNos.contains(seatNo)) {
                    seatNos.add(seatNo);
                }
            }
            if (seatNos.stream().anyMatch(seatNo -> holders.get(scheduleId).containsKey(seatNo))) {
                return; // refused as a whole: holds nothing, emits nothing
            }
            // ids from the seeded random, so a seed replays the same run (the pending map is ordered by id)
            String reservation = new UUID(random.nextLong(), random.nextLong()).toString();
            seatNos.forEach(seatNo -> {
                holders.get(scheduleId).put(seatNo, reservation);
                statuses.get(scheduleId).put(seatNo, SeatStatus.HELD);
            });
            pending.put(reservation, new Pending(scheduleId, List.copyOf(seatNos)));
            events.add(ReservationEventMother.created(reservation, "concert-1", scheduleId, seatNos, now, now.plusSeconds(300)));
        }

        private void release(String reservation, Pending held) {
            held.seatNos.forEach(seatNo -> {
                holders.get(held.scheduleId).remove(seatNo, reservation);
                statuses.get(held.scheduleId).remove(seatNo);
            });
        }

        SeatStatus expectedStatus(String scheduleId, int seatNo) {
            return statuses.get(scheduleId).getOrDefault(seatNo, SeatStatus.FREE);
        }

        String expectedHolder(String scheduleId, int seatNo) {
            return holders.get(scheduleId).get(seatNo);
        }

        private record Pending(String scheduleId, List<Integer> seatNos) {
        }
    }
}

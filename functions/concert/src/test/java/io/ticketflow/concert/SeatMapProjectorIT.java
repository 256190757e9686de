package io.ticketflow.concert;

import static io.ticketflow.concert.ReservationEventMother.cancelled;
import static io.ticketflow.concert.ReservationEventMother.confirmed;
import static io.ticketflow.concert.ReservationEventMother.created;
import static io.ticketflow.concert.ReservationEventMother.expired;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.domain.SeatMap;
import io.ticketflow.concert.domain.SeatState;
import io.ticketflow.concert.domain.SeatStatus;
import io.ticketflow.concert.function.PublishConcertFunction;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The seatMapProjector (messaging consumer + projector) against moto: idempotent, order-safe, race-safe. */
@ExtendWith(MotoExtension.class)
class SeatMapProjectorIT {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String CONCERT = "concert-1";

    private static ConcertFixture fixture;
    private static EventConsumer projector;

    @BeforeAll
    static void publishDemo(EmulatorEndpoint endpoint) {
        fixture = ConcertFixture.withTables(endpoint);
        new PublishConcertFunction(fixture.catalog(CLOCK)).apply(ConcertToPublish.of(DemoCatalogue.concert(1)));
        projector = fixture.projector(CLOCK);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void created_thenTheSameMessageRedelivered_holdsTheSeatsOnce_mapUnchangedBySecondDelivery() {
        EventEnvelope hold = created(reservation(), CONCERT, "schedule-1-1", List.of(1, 2), T0.plusSeconds(1), T0.plusSeconds(301));
        fixture.assertValid(hold);

        assertThat(deliver(hold).getBatchItemFailures()).isEmpty();
        SeatMap once = seatMap("schedule-1-1");
        assertThat(deliver(hold).getBatchItemFailures()).isEmpty();

        assertThat(seatMap("schedule-1-1")).isEqualTo(once);
        assertThat(seat(once, 1).status()).isEqualTo(SeatStatus.HELD);
        assertThat(seat(once, 1).reservationId()).isEqualTo(hold.aggregateId());
        assertThat(seat(once, 2).status()).isEqualTo(SeatStatus.HELD);
        assertThat(once.freeSeats(T0.plusSeconds(2))).isEqualTo(48);
    }

    @Test
    void cancelledArrivingBeforeCreated_leavesTheSeatsFree_createdIsAcknowledgedAsStale() {
        String reservation = reservation();
        EventEnvelope hold = created(reservation, CONCERT, "schedule-1-2", List.of(5), T0.plusSeconds(1), T0.plusSeconds(301));
        EventEnvelope cancel = cancelled(reservation, CONCERT, "schedule-1-2", List.of(5), T0.plusSeconds(2));
        fixture.assertValid(cancel);

        SQSBatchResponse response = projector.apply(SqsBatches.of(fixture.body(cancel), fixture.body(hold)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        SeatMap map = seatMap("schedule-1-2");
        assertThat(seat(map, 5).status()).isEqualTo(SeatStatus.FREE);
        assertThat(map.appliedSequences()).containsEntry(reservation, 2L);
        assertThat(inboxRecords()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void expiredFreesTheSeats_confirmedSellsThem() {
        String lapsed = reservation();
        String bought = reservation();
        List<EventEnvelope> history = List.of(
                created(lapsed, CONCERT, "schedule-1-3", List.of(20, 21), T0.plusSeconds(1), T0.plusSeconds(301)),
                created(bought, CONCERT, "schedule-1-3", List.of(30), T0.plusSeconds(2), T0.plusSeconds(302)),
                expired(lapsed, CONCERT, "schedule-1-3", List.of(20, 21), T0.plusSeconds(302)),
                confirmed(bought, CONCERT, "schedule-1-3", List.of(30), T0.plusSeconds(100)));
        history.forEach(fixture::assertValid);

        SQSBatchResponse response = projector.apply(SqsBatches.of(history.stream().map(fixture::body).toArray(String[]::new)));

        assertThat(response.getBatchItemFailures()).isEmpty();
        SeatMap map = seatMap("schedule-1-3");
        assertThat(seat(map, 20).status()).isEqualTo(SeatStatus.FREE);
        assertThat(seat(map, 21).status()).isEqualTo(SeatStatus.FREE);
        assertThat(seat(map, 30).status()).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void concurrentProjectors_onOneSchedule_applyEveryEvent_noneLostToTheRace() throws Exception {
        List<EventEnvelope> holds = new ArrayList<>();
        for (int seatNo = 1; seatNo <= 16; seatNo++) {
            holds.add(created(reservation(), "concert-2", "schedule-2-1", List.of(seatNo), T0.plusSeconds(seatNo), T0.plusSeconds(600)));
        }
        new PublishConcertFunction(fixture.catalog(CLOCK)).apply(ConcertToPublish.of(DemoCatalogue.concert(2)));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                List<EventEnvelope> share = holds.subList(worker * 4, worker * 4 + 4);
                runs.add(pool.submit(() -> share.forEach(SeatMapProjectorIT::deliverUntilAcknowledged)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        SeatMap map = seatMap("schedule-2-1");
        assertThat(map.appliedSequences()).hasSize(16);
        assertThat(map.seats().subList(0, 16)).allSatisfy(seat -> assertThat(seat.status()).isEqualTo(SeatStatus.HELD));
        assertThat(map.freeSeats(T0)).isEqualTo(34);
    }

    /** What SQS does: a message reported as failed comes back until it is acknowledged. */
    private static void deliverUntilAcknowledged(EventEnvelope event) {
        for (int delivery = 0; delivery < 10; delivery++) {
            if (deliver(event).getBatchItemFailures().isEmpty()) {
                return;
            }
        }
        throw new AssertionError("event " + event.eventId() + " never got through");
    }

    private static SQSBatchResponse deliver(EventEnvelope event) {
        return projector.apply(SqsBatches.of(fixture.body(event)));
    }

    private static SeatMap seatMap(String scheduleId) {
        return fixture.seatMaps().findWithHistory(scheduleId).orElseThrow();
    }

    private static SeatState seat(SeatMap map, int seatNo) {
        return map.seats().stream().filter(s -> s.seatNo() == seatNo).findFirst().orElseThrow();
    }

    private static int inboxRecords() {
        return fixture.aws.dynamoDb().scan(r -> r.tableName(fixture.settings.physicalName(ConcertResources.INBOX_TABLE))
                .select(Select.COUNT).consistentRead(true)).count();
    }

    private static String reservation() {
        return UUID.randomUUID().toString();
    }
}

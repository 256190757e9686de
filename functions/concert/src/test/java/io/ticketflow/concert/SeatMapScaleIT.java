package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.adapter.SeatMapProjector;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.concert.domain.SeatMapCache;
import io.ticketflow.concert.domain.SeatStatus;
import io.ticketflow.concert.function.ConcertToPublish;
import io.ticketflow.concert.function.PublishConcertFunction;
import io.ticketflow.concert.function.SeatMapFunction;
import io.ticketflow.concert.function.SeatMapQuery;
import io.ticketflow.concert.function.SeatMapView;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.kernel.aws.ItemSizes;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Stadium scale ("Stadium scale", part 1): halls of 500, 5,000 and 60,000 seats take thousands of holds, sales and
 * cancellations through the real projector on moto; every item of the seat-map table stays under one fixed bound
 * whatever the hall, the seat-map route serves every seat in order with its status, and one seat change writes
 * the same bytes in a hall of 500 as in one of 60,000.
 *
 * <p>The projector's writes are applied here one conditional put at a time, not in its consumer's transaction:
 * stock moto's TransactWriteItems deep-copies every table it touches (DESIGN §6), which at 600 blocks of 100 seats
 * costs seconds per event. The conditions are the same; the transaction path is covered by SeatMapProjectorIT.
 */
@ExtendWith(MotoExtension.class)
class SeatMapScaleIT {

    /** 100 seats all held (≈175 bytes each, the largest a seat gets) plus the block's own attributes. */
    static final long ITEM_BOUND = 20 * 1024;

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    /** The comparable workload: the same triples of seats 1–498 in every hall. */
    private static final int FRONT_TRIPLES = 166;

    @Test
    void fiveHundredSeats_frontWorkload(EmulatorEndpoint endpoint) {
        Run run = Run.published(endpoint, 500);

        run.apply(triples(1, FRONT_TRIPLES, 3));

        run.assertBoundedAndServedCorrectly();
        run.report("500 seats", FRONT_TRIPLES);
    }

    @Test
    void fiveThousandSeats_fullBlocksThenHoldsAcrossTheHall(EmulatorEndpoint endpoint) {
        Run run = Run.published(endpoint, 5_000);

        // the first three blocks taken seat by seat (the most a block holds), then one reservation every 33 seats
        run.apply(triples(1, 100, 3));
        run.apply(triples(301, 140, 33));

        run.assertBoundedAndServedCorrectly();
        run.report("5,000 seats", 240);
    }

    @Test
    void sixtyThousandSeats_frontWorkloadThenHoldsAcrossTheHall(EmulatorEndpoint endpoint) {
        Run run = Run.published(endpoint, 60_000);

        run.apply(triples(1, FRONT_TRIPLES, 3));
        Measured front = run.measured();
        // then triples spread over the rest of the hall, every other block touched
        run.apply(triples(601, 300, 196));

        run.assertBoundedAndServedCorrectly();
        run.report("60,000 seats, front workload only", front);
        run.report("60,000 seats", FRONT_TRIPLES + 300);
        assertThat(front.bytesPerSeatChange()).as("front workload, 60,000 vs 500 seats")
                .isCloseTo(frontWorkloadOn500Seats(endpoint).bytesPerSeatChange(), withPercentage(10));
    }

    private static Measured frontWorkloadOn500Seats(EmulatorEndpoint endpoint) {
        Run run = Run.published(endpoint, 500);
        run.apply(triples(1, FRONT_TRIPLES, 3));
        return run.measured();
    }

    /** {@code count} reservations of three adjacent seats, the first from {@code firstSeat}, every {@code step} seats. */
    private static List<List<Integer>> triples(int firstSeat, int count, int step) {
        return IntStream.range(0, count)
                .mapToObj(i -> List.of(firstSeat + i * step, firstSeat + i * step + 1, firstSeat + i * step + 2))
                .toList();
    }

    private record Measured(long events, long seatChanges, long bytesWritten) {

        double bytesPerSeatChange() {
            return (double) bytesWritten / seatChanges;
        }
    }

    /** One hall on tables of its own, so what is measured is its items only. */
    private static final class Run {

        private final ConcertFixture fixture;
        private final String scheduleId;
        private final int seats;
        private final Map<Integer, SeatStatus> expected = new HashMap<>();
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong seatChanges = new AtomicLong();
        private final AtomicLong bytesWritten = new AtomicLong();
        private final SeatMapProjector projector;
        private long reservations;

        private Run(EmulatorEndpoint endpoint, int seats) {
            this.fixture = ConcertFixture.withTables(endpoint);
            // one id length for every hall, so item sizes compare
            this.scheduleId = String.format("schedule-%06d", seats);
            this.seats = seats;
            this.projector = new SeatMapProjector(fixture.seatMaps(), CLOCK);
        }

        /** Through the catalogue, as the seed publishes. */
        static Run published(EmulatorEndpoint endpoint, int seats) {
            Run run = new Run(endpoint, seats);
            new PublishConcertFunction(run.fixture.catalog(CLOCK)).apply(ConcertToPublish.of(new Concert("concert-scale", "Scale",
                    "Band", "Arena", List.of(run.schedule()))));
            return run;
        }

        Schedule schedule() {
            return new Schedule(scheduleId, T0.plus(Duration.ofDays(30)),
                    List.of(new Section("A", "VIP", 150, 1, 100), new Section("B", "R", 90, 101, seats)));
        }

        /** Holds each triple; then sells every other one, cancels a quarter and leaves a quarter held. */
        void apply(List<List<Integer>> triples) {
            List<EventEnvelope> history = new ArrayList<>();
            for (int i = 0; i < triples.size(); i++) {
                List<Integer> seatNos = triples.get(i);
                String reservation = new UUID(seats, ++reservations).toString();
                Instant at = T0.plusMillis(reservations * 10);
                history.add(ReservationEventMother.created(reservation, "concert-scale", scheduleId, seatNos, at, at.plusSeconds(3_600)));
                if (i % 2 == 0) {
                    history.add(ReservationEventMother.confirmed(reservation, "concert-scale", scheduleId, seatNos, at.plusMillis(5)));
                    seatNos.forEach(seatNo -> expected.put(seatNo, SeatStatus.SOLD));
                } else if (i % 4 == 1) {
                    history.add(ReservationEventMother.cancelled(reservation, "concert-scale", scheduleId, seatNos, at.plusMillis(5)));
                    seatNos.forEach(expected::remove);
                } else {
                    seatNos.forEach(seatNo -> expected.put(seatNo, SeatStatus.HELD));
                }
            }
            for (EventEnvelope event : history) {
                for (TransactWriteItem write : projector.effects(event)) {
                    Put put = write.put();
                    bytesWritten.addAndGet(ItemSizes.of(put.item()));
                    fixture.aws.dynamoDb().putItem(request -> request.tableName(put.tableName()).item(put.item())
                            .conditionExpression(put.conditionExpression())
                            .expressionAttributeNames(put.expressionAttributeNames())
                            .expressionAttributeValues(put.expressionAttributeValues()));
                }
                seatChanges.addAndGet(3);
            }
            events.addAndGet(history.size());
        }

        Measured measured() {
            return new Measured(events.get(), seatChanges.get(), bytesWritten.get());
        }

        void assertBoundedAndServedCorrectly() {
            long largestBlock = 0;
            long largestApplied = 0;
            int blocks = 0;
            for (Map<String, AttributeValue> item : fixture.aws.dynamoDb().scanPaginator(request -> request
                    .tableName(fixture.settings.physicalName(ConcertResources.SEAT_MAPS_TABLE))).items()) {
                long size = ItemSizes.of(item);
                assertThat(size).as("item %s", item.get("pk").s()).isLessThan(ITEM_BOUND);
                if (item.get("pk").s().equals(scheduleId)) {
                    largestBlock = Math.max(largestBlock, size);
                    blocks++;
                } else {
                    largestApplied = Math.max(largestApplied, size);
                }
            }
            assertThat(blocks).isEqualTo((seats + 99) / 100);
            System.out.printf("SeatMapScaleIT %,d seats: %d blocks, largest block %,d B, largest applied-sequence item %,d B%n",
                    seats, blocks, largestBlock, largestApplied);

            SeatMapView view = new SeatMapFunction(new SeatMapCache(fixture.seatMaps(), Duration.ZERO, CLOCK), CLOCK)
                    .apply(new SeatMapQuery(scheduleId));
            assertThat(view.seats()).hasSize(seats);
            for (int i = 0; i < seats; i++) {
                SeatMapView.SeatView seat = view.seats().get(i);
                assertThat(seat.seatNo()).isEqualTo(i + 1);
                assertThat(seat.status()).as("seat %d", seat.seatNo()).isEqualTo(expected.getOrDefault(seat.seatNo(), SeatStatus.FREE));
            }
        }

        void report(String hall, Measured measured) {
            System.out.printf("SeatMapScaleIT %s: %,d events, %,d seat changes, %,d item bytes written, %.1f B per seat change%n",
                    hall, measured.events(), measured.seatChanges(), measured.bytesWritten(), measured.bytesPerSeatChange());
        }

        void report(String hall, int holds) {
            report(hall + " (" + holds + " holds)", measured());
        }
    }
}

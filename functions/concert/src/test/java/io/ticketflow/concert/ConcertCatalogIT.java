package io.ticketflow.concert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.concert.domain.CacheStats;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.ConcertCatalog;
import io.ticketflow.concert.domain.ConcertProblems;
import io.ticketflow.concert.domain.MutableClock;
import io.ticketflow.concert.domain.SeatMapCache;
import io.ticketflow.concert.domain.SeatStatus;
import io.ticketflow.concert.function.ConcertList;
import io.ticketflow.concert.function.ListConcerts;
import io.ticketflow.concert.function.ListConcertsFunction;
import io.ticketflow.concert.function.ListSchedulesFunction;
import io.ticketflow.concert.function.PublishConcertFunction;
import io.ticketflow.concert.function.ScheduleList;
import io.ticketflow.concert.function.ScheduleQuery;
import io.ticketflow.concert.function.SeatMapFunction;
import io.ticketflow.concert.function.SeatMapQuery;
import io.ticketflow.concert.function.SeatMapView;
import io.ticketflow.concert.function.ConcertToPublish;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Publishing and reading the catalogue through the functions and the real DynamoDB adapters. */
@ExtendWith(MotoExtension.class)
class ConcertCatalogIT {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T18:00:00Z"));

    private static ConcertFixture fixture;
    private static ConcertCatalog catalog;
    private static PublishConcertFunction publish;

    @BeforeAll
    static void publishDemo(EmulatorEndpoint endpoint) {
        fixture = ConcertFixture.withTables(endpoint);
        catalog = fixture.catalog(CLOCK);
        publish = new PublishConcertFunction(catalog);
        DemoCatalogue.concerts().stream().map(ConcertToPublish::of).forEach(publish::apply);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void listConcerts_afterDemoPublish_returnsTheThreeConcerts() {
        ConcertList list = new ListConcertsFunction(catalog).apply(new ListConcerts());

        assertThat(list.concerts()).extracting(c -> c.concertId()).containsExactly("concert-1", "concert-2", "concert-3");
        assertThat(list.concerts().get(0).title()).isEqualTo(DemoCatalogue.concert(1).title());
    }

    @Test
    void listSchedules_freshConcert_returnsThreeSchedulesWithFiftyFreeSeatsAndThreeDates() {
        ScheduleList schedules = schedulesFunction(Duration.ZERO).apply(new ScheduleQuery("concert-2"));

        assertThat(schedules.schedules()).extracting(ScheduleList.ScheduleAvailability::scheduleId)
                .containsExactly("schedule-2-1", "schedule-2-2", "schedule-2-3");
        assertThat(schedules.schedules()).allSatisfy(s -> assertThat(s.freeSeats()).isEqualTo(50));
        assertThat(schedules.availableDates()).containsExactly(
                LocalDate.parse("2027-03-13"), LocalDate.parse("2027-03-14"), LocalDate.parse("2027-03-15"));
    }

    @Test
    void listSchedules_unknownConcert_isUnknownConcertProblem() {
        assertThatThrownBy(() -> schedulesFunction(Duration.ZERO).apply(new ScheduleQuery("concert-none")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type()).isEqualTo(ConcertProblems.UNKNOWN_CONCERT));
    }

    @Test
    void seatMap_freshSchedule_showsFiftyFreeSeats_vipOneToTenAt150_rest90() {
        SeatMapView view = new SeatMapFunction(cache(Duration.ZERO), CLOCK).apply(new SeatMapQuery("schedule-1-1"));

        assertThat(view.concertId()).isEqualTo("concert-1");
        assertThat(view.seats()).hasSize(50).allSatisfy(seat -> assertThat(seat.status()).isEqualTo(SeatStatus.FREE));
        assertThat(view.seats().get(0)).isEqualTo(new SeatMapView.SeatView(1, "VIP", 150, SeatStatus.FREE));
        assertThat(view.seats().get(10)).isEqualTo(new SeatMapView.SeatView(11, "R", 90, SeatStatus.FREE));
    }

    @Test
    void seatMap_unknownSchedule_isUnknownScheduleProblem() {
        assertThatThrownBy(() -> new SeatMapFunction(cache(Duration.ZERO), CLOCK).apply(new SeatMapQuery("schedule-none")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type()).isEqualTo(ConcertProblems.UNKNOWN_SCHEDULE));
    }

    @Test
    void publish_sameConcertAgain_reportsNotPublished_andWritesNoSecondEvent() {
        assertThat(publish.apply(ConcertToPublish.of(DemoCatalogue.concert(3))).published()).isFalse();

        List<EventEnvelope> events = fixture.concertEventsValidated();
        assertThat(events).hasSize(3).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.CONCERT_PUBLISHED);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.source()).isEqualTo("concert");
        });
    }

    @Test
    void publishedEvent_carriesTheConcertExactly_andIsValidAgainstItsSchema() {
        EventEnvelope event = fixture.concertEventsValidated().stream()
                .filter(e -> e.aggregateId().equals("concert-1")).findFirst().orElseThrow();

        assertThat(fixture.json.treeToValue(event.payload(), Concert.class)).isEqualTo(DemoCatalogue.concert(1));
        assertThat(event.payload().get("schedules").get(0).get("startsAt").asString()).isEqualTo("2027-03-06T19:00:00Z");
    }

    @Test
    void seatMapCache_readsWithinTtlAreHits_afterTtlAMiss_andOffMeansAllMisses() {
        SeatMapCache cache = cache(Duration.ofMillis(1000));
        SeatMapFunction seatMap = new SeatMapFunction(cache, CLOCK);
        SeatMapCache off = cache(Duration.ZERO);
        SeatMapFunction uncached = new SeatMapFunction(off, CLOCK);

        for (int i = 0; i < 5; i++) {
            seatMap.apply(new SeatMapQuery("schedule-3-1"));
            uncached.apply(new SeatMapQuery("schedule-3-1"));
        }
        CLOCK.advance(Duration.ofMillis(1000));
        seatMap.apply(new SeatMapQuery("schedule-3-1"));

        assertThat(cache.stats()).isEqualTo(new CacheStats(4, 2));
        assertThat(off.stats()).isEqualTo(new CacheStats(0, 5));
    }

    private static SeatMapCache cache(Duration ttl) {
        return new SeatMapCache(fixture.seatMaps(), ttl, CLOCK);
    }

    private static ListSchedulesFunction schedulesFunction(Duration ttl) {
        return new ListSchedulesFunction(catalog, cache(ttl), CLOCK);
    }
}

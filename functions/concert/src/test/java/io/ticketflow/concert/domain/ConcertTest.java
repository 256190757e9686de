package io.ticketflow.concert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.concert.DemoCatalogue;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcertTest {

    private static final Instant STARTS_AT = Instant.parse("2027-01-01T19:00:00Z");

    @Test
    void demoConcerts_areValid_threeSchedulesOfFiftySeatsInTwoGrades() {
        assertThat(DemoCatalogue.concerts()).hasSize(3).allSatisfy(concert -> {
            assertThat(concert.validated()).isSameAs(concert);
            assertThat(concert.schedules()).hasSize(3).allSatisfy(schedule -> {
                assertThat(schedule.sections()).hasSize(2);
                assertThat(schedule.seats()).hasSize(50);
                assertThat(schedule.seats()).extracting(Seat::grade).containsOnly("VIP", "R");
            });
        });
    }

    @Test
    void repeatedSeatNo_inAnExplicitSeatList_isAnInvalidRequestNamingTheOverlap() {
        Schedule schedule = Schedule.withSeats("s-1", STARTS_AT, List.of(new Seat(1, "R", 90), new Seat(1, "R", 90)));

        assertInvalid(concert(schedule), "overlap at seat 1");
    }

    @Test
    void zeroPrice_inAnExplicitSeatList_isAnInvalidRequest() {
        assertInvalid(concert(Schedule.withSeats("s-1", STARTS_AT, List.of(new Seat(1, "R", 0)))), "price must be above 0");
    }

    @Test
    void stadiumOfSixtyThousandSeatsInSections_isValid() {
        Concert stadium = concert(new Schedule("s-1", STARTS_AT, List.of(
                new Section("A", "VIP", 150, 1, 2_000), new Section("B", "R", 90, 2_001, 60_000))));

        assertThat(stadium.validated()).isSameAs(stadium);
    }

    @Test
    void overlappingSections_areAnInvalidRequestNamingBoth() {
        assertInvalid(sections(new Section("A", "VIP", 150, 1, 100), new Section("B", "R", 90, 100, 200)),
                "sections A and B overlap at seat 100");
    }

    @Test
    void sectionBounds_eachBrokenRule_isNamed() {
        assertInvalid(sections(new Section("A", "R", 90, 0, 10)), "firstSeat must be 1 or more");
        assertInvalid(sections(new Section("A", "R", 90, 10, 9)), "lastSeat must not be below firstSeat");
        assertInvalid(sections(new Section("A", "R", 0, 1, 10)), "price must be above 0");
        assertInvalid(sections(new Section("A", " ", 90, 1, 10)), "grade must be non-blank");
        assertInvalid(sections(new Section("", "R", 90, 1, 10)), "section must be non-blank");
        assertInvalid(concert(new Schedule("s-1", STARTS_AT, List.of())), "1 to 1000 sections, this one has 0");
    }

    @Test
    void moreThanAHundredThousandSeats_isAnInvalidRequest() {
        assertInvalid(sections(new Section("A", "R", 90, 1, 100_000), new Section("B", "R", 90, 100_001, 100_001)),
                "at most 100000 seats, this one has 100001");
        assertThat(sections(new Section("A", "R", 90, 1, 100_000)).validated()).isNotNull();
    }

    @Test
    void sectionSpanningAllIntegers_isRefusedWithoutOverflowing() {
        assertInvalid(sections(new Section("A", "R", 90, 1, Integer.MAX_VALUE)), "at most 100000 seats");
    }

    @Test
    void moreThanAThousandSectionsInASchedule_isAnInvalidRequest() {
        assertInvalid(concert(scheduleOfSingleSeatSections("s-1", 1_001)), "1 to 1000 sections, this one has 1001");
    }

    @Test
    void moreThanFifteenHundredSectionsOverAllSchedules_isAnInvalidRequest() {
        Concert tour = new Concert("c-1", "t", "a", "v", List.of(
                scheduleOfSingleSeatSections("s-1", 1_000), scheduleOfSingleSeatSections("s-2", 501)));

        assertInvalid(tour, "at most 1500 sections over all its schedules, this one has 1501");
    }

    @Test
    void idWithHash_orNoSchedules_isAnInvalidRequest() {
        assertInvalid(new Concert("c#1", "t", "a", "v", DemoCatalogue.concert(1).schedules()), "concertId");
        assertInvalid(new Concert("c-1", "t", "a", "v", List.of()), "schedules");
    }

    private static Concert sections(Section... sections) {
        return concert(new Schedule("s-1", STARTS_AT, List.of(sections)));
    }

    private static Concert concert(Schedule schedule) {
        return new Concert("c-1", "t", "a", "v", List.of(schedule));
    }

    private static Schedule scheduleOfSingleSeatSections(String scheduleId, int sections) {
        return new Schedule(scheduleId, STARTS_AT, IntStream.rangeClosed(1, sections)
                .mapToObj(seatNo -> new Section("S" + seatNo, "R", 90, seatNo, seatNo)).toList());
    }

    private static void assertInvalid(Concert concert, String detailMentions) {
        assertThatThrownBy(concert::validated).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_REQUEST);
            assertThat(problem.detail()).contains(detailMentions);
        });
    }
}

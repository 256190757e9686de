package io.ticketflow.concert.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.concert.domain.Seat;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.concert.function.ConcertToPublish.ScheduleToPublish;
import io.ticketflow.kernel.problem.ProblemException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcertToPublishTest {

    private static final Instant STARTS_AT = Instant.parse("2027-06-01T20:00:00Z");

    @Test
    void aNullSeatSectionOrSchedule_isAnInvalidRequest_notAnInternalError() {
        List<ConcertToPublish> broken = List.of(
                concert(new ScheduleToPublish("s-1", STARTS_AT, null, Arrays.asList(new Seat(1, "R", 10), null))),
                concert(new ScheduleToPublish("s-1", STARTS_AT, Arrays.asList((Section) null), null)),
                concert(null));

        for (ConcertToPublish request : broken) {
            assertThatThrownBy(request::concert).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("must not contain null")
                    .satisfies(e -> assertThat(((ProblemException) e).type().status()).isEqualTo(400));
        }
    }

    private static ConcertToPublish concert(ScheduleToPublish schedule) {
        return new ConcertToPublish("c-1", "Title", "Artist", "Venue", Arrays.asList(schedule));
    }
}

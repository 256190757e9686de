package io.ticketflow.concert.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.Schedule;
import io.ticketflow.concert.domain.Section;
import io.ticketflow.kernel.aws.ItemSizes;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publish rules' bounds (Concert's constants) keep what publishing writes and sends within AWS's limits: the
 * largest concert they allow still travels as one SQS message, and its largest catalogue item is far below
 * DynamoDB's. Every name at its longest, every number at its widest.
 */
class PublishedSizeBoundsTest {

    static final int DYNAMODB_ITEM_LIMIT = 400 * 1024;
    private static final Instant STARTS_AT = Instant.parse("2027-06-01T19:00:00Z");
    private static final JsonMapper JSON = KernelBeans.newJsonMapper();

    @Test
    void largestConcertTheRulesAllow_isOneSqsMessage_andItsLargestScheduleItemIsWellBelowDynamoDbsLimit() {
        Concert largest = largestValidConcert();
        assertThat(largest.validated()).isSameAs(largest);

        String message = JSON.writeValueAsString(new ConcertEvents(JSON, Clock.fixed(STARTS_AT, ZoneOffset.UTC)).published(largest));
        long largestScheduleItem = largest.schedules().stream()
                .mapToLong(schedule -> ItemSizes.of(DynamoDbConcertCatalog.scheduleItem(largest.concertId(), schedule)))
                .max().orElseThrow();

        System.out.printf("PublishedSizeBoundsTest largest valid concert: CONCERT_PUBLISHED %,d B, largest schedule item %,d B%n",
                message.getBytes(StandardCharsets.UTF_8).length, largestScheduleItem);
        assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThan(ConcertEvents.MAX_MESSAGE_BYTES);
        assertThat(largestScheduleItem).isLessThan(DYNAMODB_ITEM_LIMIT / 2);
    }

    @Test
    void concertWithinTheRules_butOfNamesThatEscapeToTwiceTheirLength_isRefusedAsInvalidRequest() {
        Concert quoted = largestValidConcert("\"".repeat(Concert.MAX_NAME_LENGTH));
        assertThat(quoted.validated()).isSameAs(quoted);

        assertThatThrownBy(() -> new ConcertEvents(JSON, Clock.systemUTC()).published(quoted))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemTypes.INVALID_REQUEST);
                    assertThat(problem.detail()).contains("more than the 262144 of one SQS message");
                });
    }

    private static Concert largestValidConcert() {
        return largestValidConcert(null);
    }

    /**
     * Most schedules; the most sections, as many as possible in one schedule; single-seat sections with 10-digit
     * numbers; every section and grade named {@code sectionName} or, when null, in ASCII at its longest.
     */
    private static Concert largestValidConcert(String sectionName) {
        List<Schedule> schedules = new ArrayList<>();
        int sectionsLeft = Concert.MAX_SECTIONS_PER_CONCERT;
        for (int n = 0; n < Concert.MAX_SCHEDULES; n++) {
            int schedulesAfter = Concert.MAX_SCHEDULES - n - 1;
            int sections = Math.min(Concert.MAX_SECTIONS_PER_SCHEDULE, sectionsLeft - schedulesAfter);
            sectionsLeft -= sections;
            schedules.add(new Schedule(longest(String.valueOf(n), Concert.MAX_ID_LENGTH), STARTS_AT, IntStream.range(0, sections)
                    .mapToObj(i -> new Section(sectionName != null ? sectionName : longest("S" + i, Concert.MAX_NAME_LENGTH),
                            sectionName != null ? sectionName : longest("G" + i, Concert.MAX_NAME_LENGTH),
                            Integer.MAX_VALUE, 2_000_000_000 + i, 2_000_000_000 + i))
                    .toList()));
        }
        return new Concert(longest("c", Concert.MAX_ID_LENGTH), longest("t", Concert.MAX_TEXT_LENGTH),
                longest("a", Concert.MAX_TEXT_LENGTH), longest("v", Concert.MAX_TEXT_LENGTH), schedules);
    }

    private static String longest(String prefix, int length) {
        return prefix + "x".repeat(length - prefix.length());
    }
}

package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.local.stepfunctions.ExecutionStatus;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A restart of the local runtime loses the Step Functions executions (they live in memory); the booking recovery
 * sweep finds the PENDING reservation through the Reservation service and starts its saga again, so the booking
 * can still be paid and confirmed.
 */
@ExtendWith(MotoExtension.class)
class BookingRecoveryIT {

    @Test
    void bookingHeldBeforeARestart_getsItsSagaBackAndCanBePaid(EmulatorEndpoint endpoint) {
        Bookings.User held;
        try (LocalRuntime before = start(endpoint)) {
            Bookings bookings = new Bookings(before);
            held = bookings.user("grace").admittedTo("concert-3").holding("schedule-3-1", 5).toppedUp(1000);
            assertThat(before.stepFunctions().describeExecution(bookings.executionArn(held)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
        }

        try (LocalRuntime after = start(endpoint)) {
            Bookings bookings = new Bookings(after);
            assertThat(after.stepFunctions().describeExecution(bookings.executionArn(held)).status())
                    .as("started again by the sweep at start-up").isEqualTo(ExecutionStatus.RUNNING);
            Bookings.User grace = bookings.resume(held);
            // the earlier run's pass was signed with that run's key; asking the queue again gives one of this run
            assertThat(grace.queueStatus()).isEqualTo("ACTIVE");

            HttpResponse<String> paid = grace.payOnceAwaited("key-" + grace.userId, null);

            assertThat(paid.statusCode()).as(paid.body()).isIn(200, 202);
            JsonNode booking = grace.settledBooking();
            assertThat(booking.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(grace.balance()).isEqualTo(1000 - grace.totalPrice);
        }
    }

    private static LocalRuntime start(EmulatorEndpoint endpoint) {
        return LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "recovery-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1),
                Map.of("RESERVATION_HOLD_SECONDS", "60"), true), Topology.catalogue());
    }
}

package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.testsupport.ProjectRoot;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * What an operator reads of a booking: the log lines its journey writes, captured from standard out as Lambda
 * would ship them, and the metric lines it counts. Prints the cost per booking (bytes and lines of log, metric
 * lines) as {@code [log figures]}.
 */
@ExtendWith(MotoExtension.class)
class BookingLogsIT {

    private static final String CONCERT = "concert-2";
    private static final String SCHEDULE = "schedule-2-1";

    private static PrintStream original;
    private static ByteArrayOutputStream captured;
    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        original = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        runtime = LocalRuntime.start(new LocalOptions(0, endpoint.uri(), endpoint.region(), "logs-",
                ProjectRoot.find(), Map.of(LocalOptions.ALL_SCHEDULES, 1), Map.of(), true), Topology.catalogue());
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
        System.setOut(original);
    }

    @Test
    void aBookingsJourney_logsNoTokenNorBalance_everyFunctionLineCarriesACorrelationId_andMetricsCountItsFacts() {
        Map<BusinessMetric, Long> before = runtime.metrics().totals();
        long metricLinesBefore = runtime.metrics().metricLines();
        int capturedBefore = capturedText().length();

        Bookings.User erin = bookings.user("erin").admittedTo(CONCERT).holding(SCHEDULE, 31, 32).toppedUp(500);
        assertThat(erin.payOnceAwaited("key-erin", null).statusCode()).isEqualTo(200);
        assertThat(erin.settledBooking().path("status").asString()).isEqualTo("CONFIRMED");
        Bookings.User finn = bookings.user("finn").admittedTo(CONCERT).holding(SCHEDULE, 33).toppedUp(500);
        finn.payOnceAwaited("key-finn", "confirmReservation");
        assertThat(finn.settledBooking().path("error").asString()).isEqualTo("ConfirmationFailed");
        // the last consumers: both bookings reach the seat map
        Eventually.within(Bookings.SEAT_MAP_WAIT, () -> {
            assertThat(bookings.seatStatus(SCHEDULE, 31)).isEqualTo("SOLD");
            assertThat(bookings.seatStatus(SCHEDULE, 33)).isEqualTo("FREE");
        });
        // facts are counted where events are relayed, and each service's relay runs on its own: the points' refund
        // may still be on its way when the seat map has both bookings
        Eventually.within(Bookings.WAIT, () -> assertThat(difference(runtime.metrics().totals(), before)
                .get(BusinessMetric.REFUNDS)).isEqualTo(1));
        Map<BusinessMetric, Long> counted = difference(runtime.metrics().totals(), before);
        String log = capturedText().substring(capturedBefore);

        assertThat(log).as("JWTs (bearer tokens, admission passes) in the log").doesNotContain("eyJ");
        assertThat(log).as("point balances in the log").doesNotContainPattern("(?i)balance\\W{0,3}\\d");
        List<JsonNode> functionLines = functionLines(log);
        assertThat(functionLines).isNotEmpty().allSatisfy(line ->
                assertThat(line.path("correlationId").asString("")).as(line.toString()).isNotBlank());
        assertThat(linesOf(functionLines, erin.reservationId)).as("erin's booking: hold, pay, booking view")
                .anyMatch(message -> message.startsWith("POST /reservations answered 201"))
                .anyMatch(message -> message.startsWith("POST /payments answered 200"))
                .anyMatch(message -> message.startsWith("GET /bookings/{reservationId} answered 200"));
        assertThat(linesOf(functionLines, finn.reservationId)).as("finn's booking: its saga's failing step")
                .contains("saga step confirmReservation failed: StepFaultInjected");
        assertThat(counted.get(BusinessMetric.HOLDS)).isEqualTo(2);
        assertThat(counted.get(BusinessMetric.CONFIRMATIONS)).isEqualTo(1);
        assertThat(counted.get(BusinessMetric.COMPENSATIONS)).isEqualTo(1);
        assertThat(counted.get(BusinessMetric.REFUNDS)).isEqualTo(1);
        assertThat(counted.get(BusinessMetric.SAGA_FAILURES)).isGreaterThanOrEqualTo(1);
        assertThat(counted.get(BusinessMetric.ENTERS)).isEqualTo(2);
        assertThat(log).as("metric lines are the tally's, not the console's").doesNotContain("\"_aws\"");

        long bytes = log.getBytes(StandardCharsets.UTF_8).length;
        long lines = log.lines().count();
        long metricLines = runtime.metrics().metricLines() - metricLinesBefore;
        original.printf("[log figures] 2 bookings (1 confirmed, 1 compensated): %d log lines, %d bytes of log; "
                        + "per booking %.1f lines, %d bytes of log, %.1f metric lines%n",
                lines, bytes, lines / 2.0, bytes / 2, metricLines / 2.0);
    }

    private static List<JsonNode> functionLines(String log) {
        List<JsonNode> lines = new ArrayList<>();
        log.lines().filter(line -> line.startsWith("{\"timestamp\"")).map(Bookings.JSON::readTree)
                .filter(line -> line.path("logger").asString("").startsWith("io.ticketflow."))
                .filter(line -> !line.path("logger").asString("").startsWith("io.ticketflow.local."))
                .forEach(lines::add);
        return lines;
    }

    private static List<String> linesOf(List<JsonNode> lines, String correlationId) {
        return lines.stream().filter(line -> line.path("correlationId").asString("").equals(correlationId))
                .map(line -> line.path("message").asString()).toList();
    }

    private static Map<BusinessMetric, Long> difference(Map<BusinessMetric, Long> after, Map<BusinessMetric, Long> before) {
        Map<BusinessMetric, Long> difference = new java.util.EnumMap<>(BusinessMetric.class);
        after.forEach((metric, total) -> difference.put(metric, total - before.getOrDefault(metric, 0L)));
        return difference;
    }

    private static synchronized String capturedText() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to the console and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            console.write(b);
            synchronized (copy) {
                copy.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
            console.write(bytes, offset, length);
            synchronized (copy) {
                copy.write(bytes, offset, length);
            }
        }
    }
}

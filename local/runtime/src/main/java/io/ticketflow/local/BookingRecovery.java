package io.ticketflow.local;

import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.local.stepfunctions.StepFunctionsException;
import io.ticketflow.statemachine.SagaDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds bookings whose saga the emulator does not know — its executions live in memory, so a restart of the
 * runtime loses them — and starts their saga again, at start-up and then periodically.
 *
 * <p>The PENDING reservations come from the Reservation service's own function ({@value #PENDING_BOOKINGS});
 * nothing here reads or writes a service's table. A booking whose hold is still valid waits for its payment again
 * for the rest of the hold; one whose hold has ended gets a saga whose payment wait times out at once, so the
 * saga's own compensations release the seats and expire the queue token, exactly as for a booking never paid.
 * An execution that exists (running or ended) is left alone: the execution name is the reservation id.
 */
final class BookingRecovery implements AutoCloseable {

    /** Reservation's function listing PENDING reservations with their saga input (not a catalogue function). */
    static final String PENDING_BOOKINGS = "pendingBookings";
    static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(BookingRecovery.class);

    private final LocalLambdas lambdas;
    private final StepFunctionsEmulator emulator;
    private final String bookingSagaArn;
    private final JsonMapper json;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            ApiGateway.daemonThreads("booking-recovery"));

    BookingRecovery(LocalLambdas lambdas, LocalStepFunctions stepFunctions, JsonMapper json, Clock clock) {
        this.lambdas = lambdas;
        this.emulator = stepFunctions.emulator();
        this.bookingSagaArn = stepFunctions.stateMachineArn(SagaDefinition.BOOKING);
        this.json = json;
        this.clock = clock;
    }

    /** Sweeps once now, then every {@link #INTERVAL}. */
    BookingRecovery start() {
        sweepQuietly();
        timer.scheduleWithFixedDelay(this::sweepQuietly, INTERVAL.toSeconds(), INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** @return how many sagas it started */
    int sweep() {
        JsonNode pending = lambdas.invoke(PENDING_BOOKINGS, json.createObjectNode());
        int started = 0;
        for (JsonNode booking : pending.path("bookings")) {
            String reservationId = booking.path("reservationId").asString();
            if (!known(reservationId)) {
                emulator.startExecution(bookingSagaArn, reservationId, json.writeValueAsString(sagaInput(booking)));
                LOG.info("booking {}: its saga was unknown here (lost by a restart?); started it again", reservationId);
                started++;
            }
        }
        return started;
    }

    private boolean known(String reservationId) {
        String executionArn = bookingSagaArn.replace(":stateMachine:", ":execution:") + ":" + reservationId;
        try {
            emulator.describeExecution(executionArn);
            return true;
        } catch (StepFunctionsException e) {
            if (e.errorCode().equals("ExecutionDoesNotExist")) {
                return false;
            }
            throw e;
        }
    }

    /** The input holdSeats gives the saga, with the hold time left (at least 1 s, the smallest task timeout). */
    private ObjectNode sagaInput(JsonNode booking) {
        ObjectNode input = json.createObjectNode();
        for (String field : new String[] {"reservationId", "userId", "concertId", "scheduleId", "seatNos",
                "totalPrice", "queueToken"}) {
            input.set(field, booking.path(field));
        }
        Instant expiresAt = Instant.parse(booking.path("expiresAt").asString());
        input.put("holdSeconds", Math.max(1, Duration.between(clock.instant(), expiresAt).toSeconds()));
        return input;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("booking recovery sweep failed, next one in {}: {}", INTERVAL, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

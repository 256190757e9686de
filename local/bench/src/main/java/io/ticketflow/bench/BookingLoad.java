package io.ticketflow.bench;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.LocalOptions;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.statemachine.SagaDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complete bookings through a local runtime of the whole catalogue, each on its own seat of the demo catalogue
 * (3 concerts × 3 schedules × R seats 11–50 = 360 seats), from a number of concurrent HTTP clients.
 */
final class BookingLoad implements AutoCloseable {

    /** Points each user charges: more than one R seat costs, so the happy path never runs short. */
    static final long CHARGE = 500;
    private static final int FIRST_R_SEAT = 11;
    private static final int R_SEATS_PER_SCHEDULE = 40;
    private static final int SCHEDULES = 9;

    private final LocalRuntime runtime;
    private final BookingClient client;
    private final String userPrefix;
    private final AtomicInteger seatsTaken = new AtomicInteger();

    private BookingLoad(LocalRuntime runtime, String userPrefix) {
        this.runtime = runtime;
        this.userPrefix = userPrefix;
        this.client = new BookingClient(runtime, KernelBeans.newJsonMapper());
    }

    /** One booking as its client saw it: the end status and the time from the hold request to that end. */
    record Outcome(String reservationId, String endStatus, double holdToEndMillis) {
    }

    /**
     * The whole catalogue on this run's emulator, with {@link MeteredFunctions} as the functions' start class. The
     * queue lets everyone in on its first tick (activation every second, no cap that a figure reaches); every
     * other schedule is held back, so what a figure counts is what its bookings cause.
     */
    static BookingLoad start(BenchSetup setup, String resourcePrefix, Map<String, String> extraConfig) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(QueueSettings.BATCH_SIZE, "1000");
        config.put(QueueSettings.MAX_ACTIVE, "10000");
        config.put(QueueSettings.ACTIVE_WINDOW_SECONDS, "3600");
        config.putAll(extraConfig);
        LocalOptions options = new LocalOptions(0, setup.endpoint(), setup.region(), resourcePrefix, setup.projectRoot(),
                Map.of(LocalOptions.ALL_SCHEDULES, BenchSetup.SCHEDULES_OFF_SECONDS, QueueResources.ACTIVATION_SCHEDULE, 1),
                config, true);
        return new BookingLoad(MeteredFunctions.wholeCatalogue(options), resourcePrefix);
    }

    LocalRuntime runtime() {
        return runtime;
    }

    BookingClient client() {
        return client;
    }

    /** The booking saga execution of a reservation (its name is the reservation id). */
    String executionArn(String reservationId) {
        return runtime.stateMachineArn(SagaDefinition.BOOKING).replace(":stateMachine:", ":execution:") + ":"
                + reservationId;
    }

    /** The next seat no booking of this load has had yet, and the user who books it. */
    private record Seat(String userId, String concertId, String scheduleId, int seatNo) {
    }

    private Seat nextSeat() {
        int n = seatsTaken.getAndIncrement();
        if (n >= SCHEDULES * R_SEATS_PER_SCHEDULE) {
            throw new IllegalStateException("the demo catalogue has " + SCHEDULES * R_SEATS_PER_SCHEDULE + " R seats");
        }
        int concert = n % 3 + 1;
        return new Seat(userPrefix + "user-" + n, "concert-" + concert, "schedule-" + concert + "-" + (n / 3 % 3 + 1),
                FIRST_R_SEAT + n / SCHEDULES);
    }

    /** A fresh user on the next free seat, admitted, with the seat held (and no points charged). */
    BookingClient.Held admitAndHold() {
        Seat seat = nextSeat();
        return client.hold(client.admitted(seat.userId(), seat.concertId()), seat.scheduleId(), seat.seatNo());
    }

    /** {@code bookings} complete bookings (queue → ACTIVE → charge → hold → pay) from {@code clients} threads. */
    List<Outcome> book(int bookings, int clients) throws Exception {
        return book(bookings, clients, price -> BookingClient.Split.ALL_POINTS);
    }

    /** As {@link #book(int, int)}, each booking paid as {@code splitFor} says for its price. */
    List<Outcome> book(int bookings, int clients, IntFunction<BookingClient.Split> splitFor) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Outcome>> running = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                running.add(pool.submit(() -> bookOne(splitFor)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> outcome : running) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome bookOne(IntFunction<BookingClient.Split> splitFor) {
        Seat seat = nextSeat();
        BookingClient.Admitted user = client.admitted(seat.userId(), seat.concertId());
        client.topUp(user, CHARGE);
        long holdSent = System.nanoTime();
        BookingClient.Held held = client.hold(user, seat.scheduleId(), seat.seatNo());
        String end = client.pay(held, null, splitFor.apply(held.totalPrice()));
        return new Outcome(held.reservationId(), end, (System.nanoTime() - holdSent) / 1e6);
    }

    @Override
    public void close() {
        runtime.close();
    }
}

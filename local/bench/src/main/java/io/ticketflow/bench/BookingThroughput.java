package io.ticketflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #4: complete bookings per second through the local runtime (median of the runs) and the hold → CONFIRMED
 * latency, every booking over HTTP (queue → ACTIVE → charge → hold → pay), with moto's share of the time.
 */
final class BookingThroughput implements Figure {

    private static final int WARM_UP_BOOKINGS = 3;

    private final int users;
    private final int clients;
    private final int runs;

    BookingThroughput(int users, int clients, int runs) {
        this.users = users;
        this.clients = clients;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "bookings";
    }

    /** One run: its bookings and what the emulator did meanwhile. */
    private record Run(List<BookingLoad.Outcome> outcomes, long wallNanos, List<EmulatorTimer.Call> calls) {
        double bookingsPerSecond() {
            return outcomes.size() / (wallNanos / 1e9);
        }
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        List<Run> measured = new ArrayList<>();
        try (BookingLoad load = BookingLoad.start(setup, "bookings-", Map.of())) {
            requireConfirmed(load.book(WARM_UP_BOOKINGS, WARM_UP_BOOKINGS));
            EmulatorTimer timer = InstrumentedFunctions.EMULATOR_TIMER;
            for (int r = 0; r < runs; r++) {
                timer.start();
                long start = System.nanoTime();
                List<BookingLoad.Outcome> outcomes;
                List<EmulatorTimer.Call> calls;
                try {
                    outcomes = load.book(users, clients);
                } finally {
                    calls = timer.stop();
                }
                long wall = System.nanoTime() - start;
                measured.add(new Run(requireConfirmed(outcomes), wall, calls));
            }
        }

        Table table = new Table("Complete bookings through the local runtime: " + users + " users per run, " + clients
                + " concurrent HTTP clients, " + runs + " run(s)", "run", "bookings/s", "wall", "hold→CONFIRMED p50",
                "p99", "moto busy / wall");
        List<Double> allLatencies = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < measured.size(); r++) {
            Run run = measured.get(r);
            Stats latency = Stats.of(run.outcomes().stream().map(BookingLoad.Outcome::holdToEndMillis).toList());
            allLatencies.addAll(latency.sorted());
            rates.add(run.bookingsPerSecond());
            table.row(String.valueOf(r + 1), rate(run.bookingsPerSecond()), Table.millis(run.wallNanos() / 1e6),
                    Table.millis(latency.percentile(50)), Table.millis(latency.percentile(99)),
                    Table.percent(EmulatorTimer.busyNanos(run.calls()) / (double) run.wallNanos()));
        }
        Stats latency = Stats.of(allLatencies);
        table.row("median / all", rate(Stats.of(rates).median()), "", Table.millis(latency.percentile(50)),
                Table.millis(latency.percentile(99)), "");
        table.note("bookings/s = the run's bookings / its wall time, from the first enter to the last CONFIRMED; it includes"
                        + " waiting for the queue's activation tick (every 1 s here)")
                .note("hold→CONFIRMED: from sending POST /reservations to the pay answer saying CONFIRMED (the pay"
                        + " request waits briefly for the saga; else the client reads GET /bookings/{id}) — pays asked"
                        + " again until the saga waits for the payment are inside it")
                .note("every booking of every run ended CONFIRMED (checked); " + WARM_UP_BOOKINGS + " warm-up bookings"
                        + " first; each run books fresh seats of the demo catalogue, so moto's tables grow across runs")
                .note("moto busy / wall = time with at least one function's AWS call waiting on moto / wall time (the"
                        + " runtime's pollers are not timed); moto applies DynamoDB requests one at a time");
        return List.of(table);
    }

    private static List<BookingLoad.Outcome> requireConfirmed(List<BookingLoad.Outcome> outcomes) {
        List<BookingLoad.Outcome> notConfirmed = outcomes.stream().filter(o -> !"CONFIRMED".equals(o.endStatus())).toList();
        if (!notConfirmed.isEmpty()) {
            throw new IllegalStateException(notConfirmed.size() + " of " + outcomes.size()
                    + " bookings did not end CONFIRMED: " + notConfirmed);
        }
        return outcomes;
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.2f", perSecond);
    }
}

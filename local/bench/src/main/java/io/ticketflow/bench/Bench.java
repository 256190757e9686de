package io.ticketflow.bench;

import io.ticketflow.local.Faults;
import io.ticketflow.testsupport.MotoServer;
import io.ticketflow.testsupport.ProjectRoot;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark entry point ({@code scripts/bench [--quick] [name...]}): starts one moto server, runs the
 * chosen figures (all by default) and prints one table per figure. Not part of the test run.
 */
public final class Bench {

    private static final String REGION = "us-east-1";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        int soakMinutes = 0;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--minutes") && i + 1 < args.length && args[i + 1].matches("[1-9][0-9]*")) {
                soakMinutes = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--minutes")) {
                System.err.println("bench: --minutes takes a whole number of minutes (the soak's length)");
                System.exit(2);
            } else {
                names.add(args[i]);
            }
        }
        Map<String, Figure> figures = figures(quick, soakMinutes);
        if (names.isEmpty()) {
            names.addAll(figures.keySet());
        }
        for (String name : names) {
            if (!figures.containsKey(name)) {
                System.err.println("bench: unknown figure '" + name + "'; choose from " + figures.keySet()
                        + " (and --quick for small sizes)");
                System.exit(2);
            }
        }
        // the local runtime's functions report their AWS calls to the bench (see InstrumentedFunctions)
        System.setProperty("MAIN_CLASS", InstrumentedFunctions.class.getName());

        Path root = ProjectRoot.find();
        Path work = Files.createDirectories(root.resolve("local/bench/target/bench-run"));
        System.out.printf(Locale.ROOT, "ticketflow bench %s — %s; Java %s; %d cores; load average %.2f%s%n%n",
                String.join(" ", names), Instant.now(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), quick ? "; QUICK sizes" : "");
        // SCF and the functions print to stdout; the tables alone go to the terminal
        PrintStream report = System.out;
        Path console = work.resolve("console.log");
        System.setOut(new PrintStream(Files.newOutputStream(console), true, StandardCharsets.UTF_8));
        int failed = 0;
        try (MotoServer moto = MotoServer.start(0, work.resolve("moto.log"))) {
            // an interrupted bench must not leave its emulator running
            Runtime.getRuntime().addShutdownHook(new Thread(moto::close, "bench-moto-stop"));
            BenchSetup setup = new BenchSetup(moto.endpoint(), REGION, root, work, moto.process());
            for (String name : names) {
                long start = System.nanoTime();
                try {
                    for (Table table : figures.get(name).run(setup)) {
                        report.print(table.render());
                    }
                } catch (Exception | AssertionError | LinkageError e) {
                    failed++;
                    report.println("== " + name + " FAILED: " + e);
                    e.printStackTrace(report);
                }
                report.printf(Locale.ROOT, "  (%s took %.0f s)%n%n", name, (System.nanoTime() - start) / 1e9);
            }
        }
        report.println("function and emulator output: " + root.relativize(console) + ", " + root.relativize(work.resolve("moto.log")));
        report.flush();
        // the functions' application contexts keep non-daemon threads; the figures are done
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * The figures of issues #2, #3, #4, #9 (the crowd), #13 (the stadium) and #10 (admission passes), in run order; {@code quick} shrinks
     * them to check the wiring in seconds.
     */
    static Map<String, Figure> figures(boolean quick, int soakMinutes) {
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Figure figure : List.of(
                new Crowd("crowd", quick ? Crowd.Size.quick() : Crowd.Size.full(), Crowd.Hall.generated()),
                new Crowd("stadium", Crowd.Size.stadium(quick ? 100 : 1_000), Crowd.Hall.document(Crowd.STADIUM)),
                new Crowd("chaos", Crowd.Size.chaos(quick ? 60 : 300), Crowd.Hall.generated(),
                        Faults.parse("crash=0.05,duplicate=0.05,drop=0.01")),
                new AdmissionRush(quick ? 50 : 500),
                new EnterThroughput(List.of(1, 8), quick ? 24 : 100, quick ? 1 : 3),
                new ColdStart(quick ? 1 : 5),
                new StatusReads(List.of(10, quick ? 1_000 : 100_000)),
                new SeatContention(quick ? 50 : 500),
                new SeatMapReads(List.of(Duration.ZERO, Duration.ofSeconds(1)), 4,
                        Duration.ofMillis(quick ? 1_000 : 3_000), quick ? 1 : 3),
                new BookingThroughput(quick ? 10 : 100, 8, 3),
                new SagaTransitions(),
                BookingCost.inPoints(quick ? 5 : 20),
                BookingCost.halfByCard(quick ? 5 : 20),
                new MotoTransactions(quick ? List.of(200, 1_000) : List.of(1_000, 10_000, 100_000), quick ? 5 : 20),
                soakMinutes > 0 ? Soak.forMinutes(soakMinutes)
                        : quick ? new Soak(Duration.ofMinutes(2), Duration.ofSeconds(30)) : Soak.forMinutes(10))) {
            figures.put(figure.name(), figure);
        }
        return figures;
    }
}

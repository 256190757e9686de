package io.ticketflow.bench;

import io.ticketflow.bench.coldstart.BootBaseline;
import io.ticketflow.bench.coldstart.FirstResponse;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.Topology;
import io.ticketflow.queue.QueueFunctions;
import io.ticketflow.queue.domain.EnterRules;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Figure 4: cold start — a fresh JVM to the first response of {@code enterQueue} (one API Gateway v2 event
 * through {@code FunctionInvoker}, SDK clients built, a real DynamoDB transaction on moto), timed by this
 * process from spawn to the child's marker, so JVM boot is included. Each variant is a row; the Spring Boot
 * auto-configured baseline runs with the same flags in its own rows, and runs are interleaved so background
 * load hits every row alike.
 */
final class ColdStart implements Figure {

    static final String PREFIX = "cold-";
    private static final String CONCERT = "concert-1";
    private static final String C1 = "-XX:TieredStopAtLevel=1";
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    private final int runs;
    private final JsonMapper json = KernelBeans.newJsonMapper();

    ColdStart(int runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "coldstart";
    }

    enum Start {
        BOOT("@SpringBootApplication + @Bean", BootBaseline.class.getName()),
        FUNCTIONAL("functional (QueueFunctions)", QueueFunctions.class.getName());

        final String label;
        final String mainClass;

        Start(String label, String mainClass) {
            this.label = label;
            this.mainClass = mainClass;
        }
    }

    /** One row: a start style under a set of JVM flags; {@code cds} adds a dynamic AppCDS archive of its own. */
    record Variant(Start start, String flagsLabel, List<String> flags, boolean cds) {
        String archiveName() {
            return start.name().toLowerCase() + "-" + flagsLabel.replaceAll("[^A-Za-z0-9]+", "_") + ".jsa";
        }
    }

    @Override
    public List<Table> run(BenchSetup setup) throws Exception {
        provisionTables(setup);
        Path work = Files.createDirectories(setup.workDirectory().resolve("coldstart"));
        Classpath classpath = Classpath.forFunctions(setup.projectRoot(), work);
        List<Variant> variants = List.of(
                new Variant(Start.BOOT, "default", List.of(), false),
                new Variant(Start.FUNCTIONAL, "default", List.of(), false),
                new Variant(Start.BOOT, "C1", List.of(C1), false),
                new Variant(Start.FUNCTIONAL, "C1", List.of(C1), false),
                new Variant(Start.BOOT, "C1 + AppCDS", List.of(C1), true),
                new Variant(Start.FUNCTIONAL, "C1 + AppCDS", List.of(C1), true));

        Map<Variant, Path> archives = new LinkedHashMap<>();
        for (Variant variant : variants) {
            if (variant.cds()) {
                Path archive = work.resolve(variant.archiveName());
                Files.deleteIfExists(archive);
                List<String> training = new ArrayList<>(variant.flags());
                training.add("-XX:ArchiveClassesAtExit=" + archive);
                spawn(setup, classpath, variant.start(), training, work, "train-" + variant.archiveName());
                if (!Files.exists(archive)) {
                    throw new IllegalStateException("the training run wrote no archive " + archive);
                }
                archives.put(variant, archive);
            }
        }

        Map<Variant, List<Double>> millis = new LinkedHashMap<>();
        variants.forEach(v -> millis.put(v, new ArrayList<>()));
        for (int round = 0; round < runs; round++) {
            for (Variant variant : variants) {
                List<String> flags = new ArrayList<>(variant.flags());
                if (variant.cds()) {
                    flags.add("-XX:SharedArchiveFile=" + archives.get(variant));
                }
                millis.get(variant).add(spawn(setup, classpath, variant.start(), flags, work, "run-" + round));
            }
        }
        return List.of(table(variants, millis, classpath));
    }

    private Table table(List<Variant> variants, Map<Variant, List<Double>> millis, Classpath classpath) {
        Map<String, Double> bootMedianByFlags = new LinkedHashMap<>();
        variants.stream().filter(v -> v.start() == Start.BOOT)
                .forEach(v -> bootMedianByFlags.put(v.flagsLabel(), Stats.of(millis.get(v)).median()));
        double bootDefault = bootMedianByFlags.get("default");
        Table table = new Table("Cold start: fresh JVM → first enterQueue response (median of " + runs + ", ms)",
                "start", "JVM flags", "median", "min", "max", "vs Boot default", "vs Boot same flags");
        for (Variant variant : variants) {
            Stats stats = Stats.of(millis.get(variant));
            boolean baseline = variant.start() == Start.BOOT;
            table.row(variant.start().label, variant.flagsLabel(), Table.millis(stats.median()), Table.millis(stats.min()),
                    Table.millis(stats.max()), Table.ratio(stats.median() / bootDefault),
                    baseline ? "1.00" : Table.ratio(stats.median() / bootMedianByFlags.get(variant.flagsLabel())));
        }
        table.note("function classpath: " + classpath.description())
                .note("the Boot baseline runs on that same jar, so its auto-configuration finds only what the jar holds"
                        + " (no webflux/Netty): leaner than STACK.md's 2643 ms baseline, which had webflux")
                .note("C1 = " + C1 + "; AppCDS = JDK 17 dynamic archive from one training run per row"
                        + " (-XX:ArchiveClassesAtExit), then -XX:SharedArchiveFile")
                .note("time = spawn of `java` → the child prints its marker after the first response (201 checked);"
                        + " goal: functional / Boot ≤ 0.35")
                .note(String.format(Locale.ROOT, "load average at the end: %.2f on %d cores",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors()));
        return table;
    }

    /** The queue tables with concert-1's queue open, created through the local runtime's provisioner. */
    private static void provisionTables(BenchSetup setup) {
        Topology queueTables = Topology.empty().withTables(Catalogue.table(QueueResources.TOKENS_TABLE),
                Catalogue.table(QueueResources.EVENTS_TABLE));
        LocalRuntime.start(setup.runtimeOptions(PREFIX, Map.of(), true), queueTables).close();
    }

    /** @return milliseconds from spawn to the child's marker */
    private double spawn(BenchSetup setup, Classpath classpath, Start start, List<String> flags, Path work,
                         String label) throws IOException, InterruptedException {
        String userId = "cold-" + UUID.randomUUID();
        Path event = work.resolve("event-" + userId + ".json");
        Files.write(event, json.writeValueAsBytes(enterEvent(userId)));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-cp");
        command.add(classpath.value());
        command.add(FirstResponse.class.getName());
        command.add(QueueResources.ENTER_QUEUE);
        command.add(event.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(work.resolve(start.name().toLowerCase() + "-" + label + ".err").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("MAIN_CLASS", start.mainClass);
        environment.put(AwsSettings.ENDPOINT, setup.endpoint().toString());
        environment.put(AwsSettings.REGION, setup.region());
        environment.put(AwsSettings.RESOURCE_PREFIX, PREFIX);
        environment.put("SPRING_MAIN_BANNER_MODE", "off");
        // the queue's functions do not start without a pass key; on AWS it is a KMS key, here a JWK to parse
        environment.put(AdmissionKeys.SIGNING_KEY, AdmissionKeys.newDevKey().toJSONString());

        long spawned = System.nanoTime();
        Process child = builder.start();
        // a child stuck before its marker (e.g. on a hung emulator) is ended, which ends the read below
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(child::destroyForcibly,
                CompletableFuture.delayedExecutor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        List<String> output = new ArrayList<>();
        String marker = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(FirstResponse.MARKER)) {
                    marker = line;
                    break;
                }
                output.add(line);
            }
            double elapsedMs = (System.nanoTime() - spawned) / 1e6;
            if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            if (marker == null || !marker.contains("status=201")) {
                throw new IllegalStateException(start + " " + flags + " gave no 201 (" + marker + "); output:\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size()))
                        + "\nstderr in " + work);
            }
            Files.delete(event);
            return elapsedMs;
        } finally {
            watchdog.cancel(false);
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    /** An HTTP API (payload 2.0) event of an authenticated {@code POST /concerts/{concertId}/queue-tokens}. */
    private ObjectNode enterEvent(String userId) {
        String path = "/concerts/" + CONCERT + "/queue-tokens";
        String routeKey = "POST /concerts/{concertId}/queue-tokens";
        Instant now = Instant.now();
        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        // the child starts with the deployed defaults, so its enter needs work of the deployed difficulty
        event.putObject("headers").put("host", "localhost").put("content-length", "0")
                .put(ProofOfWork.HEADER.toLowerCase(Locale.ROOT), ProofOfWork.solve(CONCERT, userId, EnterRules.DEFAULT_WORK_DIFFICULTY, now));
        event.putObject("pathParameters").put("concertId", CONCERT);
        event.put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "bench");
        context.put("domainName", "localhost");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", now.toString());
        context.put("timeEpoch", now.toEpochMilli());
        context.putObject("http").put("method", "POST").put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "ticketflow-bench");
        context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", userId);
        return event;
    }

    /**
     * What the child runs on: the queue's Lambda jar (what Lambda runs) plus the bench's cold-start classes,
     * packed as a jar because AppCDS archives classes from jars only (a class directory disables the dump).
     */
    record Classpath(String value, String description) {

        private static final String CHILD_PACKAGE = FirstResponse.class.getPackageName().replace('.', '/');

        static Classpath forFunctions(Path projectRoot, Path work) throws IOException {
            Path childJar = childJar(work);
            Path shaded;
            try (var jars = Files.list(projectRoot.resolve("functions/queue/target"))) {
                shaded = jars.filter(p -> p.getFileName().toString().endsWith("-aws.jar")).findFirst().orElse(null);
            } catch (NoSuchFileException noBuild) {
                shaded = null;
            }
            if (shaded != null) {
                return new Classpath(shaded + File.pathSeparator + childJar,
                        projectRoot.relativize(shaded) + " (the Lambda artifact) + " + childJar.getFileName());
            }
            return new Classpath(childJar + File.pathSeparator + System.getProperty("java.class.path"),
                    "the bench's own classpath (no functions/queue/target/*-aws.jar: build the queue module with shading)");
        }

        /** The cold-start package, from the bench's classes (a directory when run from the build, else a jar). */
        private static Path childJar(Path work) throws IOException {
            Path source;
            try {
                source = Path.of(FirstResponse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
            if (Files.isRegularFile(source)) {
                return source;
            }
            Path jar = work.resolve("bench-coldstart.jar");
            try (var out = new JarOutputStream(Files.newOutputStream(jar));
                 var classes = Files.list(source.resolve(CHILD_PACKAGE))) {
                for (Path file : classes.sorted().toList()) {
                    out.putNextEntry(new JarEntry(CHILD_PACKAGE + "/" + file.getFileName()));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            return jar;
        }
    }
}

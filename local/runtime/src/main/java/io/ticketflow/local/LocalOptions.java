package io.ticketflow.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up options of the local runtime.
 *
 * @param port              HTTP port of the emulated API (0 = a free one)
 * @param endpoint          an already running emulator; null = start moto
 * @param projectRoot       the checkout; each instance keeps its files under {@code .local/<port>/}
 * @param scheduleOverrides schedule name (or {@code *}) → interval in seconds, for demos and tests
 * @param functionConfig    extra function configuration (system properties), e.g. a short active window
 * @param seed              open the demo queues after start-up
 * @param faults            failures to inject on purpose ({@link Faults}); {@link Faults#NONE} normally
 * @param metricsSeconds    print the metrics summary line every so many seconds; 0 = never
 */
public record LocalOptions(int port, URI endpoint, String region, String resourcePrefix, Path projectRoot,
                           Map<String, Integer> scheduleOverrides, Map<String, String> functionConfig,
                           boolean seed, Faults faults, int metricsSeconds) {

    public static final String ALL_SCHEDULES = "*";
    static final int DEFAULT_METRICS_SECONDS = 10;
    static final String USAGE = """
            usage: run-local [--port N] [--prefix NAME-] [--endpoint URL]
                             [--activation-interval-seconds N] [--expiry-interval-seconds N]
                             [--schedule-interval-seconds N] [--set KEY=VALUE]... [--no-seed]
                             [--faults crash=P,delay=200ms,duplicate=P,drop=P] [--metrics [N]]
            """;

    public LocalOptions {
        scheduleOverrides = Map.copyOf(scheduleOverrides);
        functionConfig = Map.copyOf(functionConfig);
        resourcePrefix = resourcePrefix == null ? "local-" : resourcePrefix;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        faults = faults == null ? Faults.NONE : faults;
        if (metricsSeconds < 0) {
            throw new IllegalArgumentException("metricsSeconds must not be negative");
        }
    }

    /** Options without the metrics summary. */
    public LocalOptions(int port, URI endpoint, String region, String resourcePrefix, Path projectRoot,
                        Map<String, Integer> scheduleOverrides, Map<String, String> functionConfig, boolean seed,
                        Faults faults) {
        this(port, endpoint, region, resourcePrefix, projectRoot, scheduleOverrides, functionConfig, seed, faults, 0);
    }

    /** Options without injected faults. */
    public LocalOptions(int port, URI endpoint, String region, String resourcePrefix, Path projectRoot,
                        Map<String, Integer> scheduleOverrides, Map<String, String> functionConfig, boolean seed) {
        this(port, endpoint, region, resourcePrefix, projectRoot, scheduleOverrides, functionConfig, seed, Faults.NONE);
    }

    /** Reads {@code args}; an endpoint comes from {@code --endpoint}, else the {@code AWS_ENDPOINT_URL} variable. */
    public static LocalOptions parse(List<String> args, Map<String, String> environment, Path projectRoot) {
        int port = 8080;
        String endpoint = environment.get("AWS_ENDPOINT_URL");
        String prefix = "local-";
        boolean seed = true;
        Faults faults = Faults.NONE;
        int metricsSeconds = 0;
        Map<String, Integer> schedules = new LinkedHashMap<>();
        Map<String, String> config = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, arg));
                case "--prefix" -> prefix = value(args, ++i, arg);
                case "--endpoint" -> endpoint = value(args, ++i, arg);
                case "--activation-interval-seconds" -> schedules.put("queue-activation", positive(args, ++i, arg));
                case "--expiry-interval-seconds" -> schedules.put("queue-expiry", positive(args, ++i, arg));
                case "--schedule-interval-seconds" -> schedules.put(ALL_SCHEDULES, positive(args, ++i, arg));
                case "--set" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--set expects KEY=VALUE, got " + pair + "\n" + USAGE);
                    }
                    config.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--no-seed" -> seed = false;
                case "--faults" -> faults = Faults.parse(value(args, ++i, arg));
                case "--metrics" -> {
                    boolean given = i + 1 < args.size() && args.get(i + 1).matches("\\d+");
                    metricsSeconds = given ? positive(args, ++i, arg) : DEFAULT_METRICS_SECONDS;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        URI endpointUri = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        return new LocalOptions(port, endpointUri, environment.get("AWS_REGION"), prefix,
                projectRoot, schedules, config, seed, faults, metricsSeconds);
    }

    /** The interval a schedule runs at here: an override for it, else one for all, else its declared rate. */
    public int intervalSeconds(String scheduleName, int declaredRateSeconds) {
        return scheduleOverrides.getOrDefault(scheduleName,
                scheduleOverrides.getOrDefault(ALL_SCHEDULES, declaredRateSeconds));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }

    private static int positive(List<String> args, int index, String option) {
        int value = Integer.parseInt(value(args, index, option));
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return value;
    }
}

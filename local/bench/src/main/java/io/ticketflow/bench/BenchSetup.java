package io.ticketflow.bench;

import io.ticketflow.local.LocalOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every figure shares: the one emulator of the run and where files go. Each figure works under its own
 * resource prefix, so figures never see each other's tables and can run in any order.
 *
 * @param emulator the emulator's process, when this run started it (the soak reads its memory); null otherwise
 */
record BenchSetup(URI endpoint, String region, Path projectRoot, Path workDirectory, ProcessHandle emulator) {

    /** Schedules run this rarely while a figure drives the functions itself. */
    static final int SCHEDULES_OFF_SECONDS = 86_400;

    /** The local runtime on this run's emulator, on a free port, with the scheduled ticks held back. */
    LocalOptions runtimeOptions(String resourcePrefix, Map<String, String> functionConfig, boolean seed) {
        return new LocalOptions(0, endpoint, region, resourcePrefix, projectRoot,
                Map.of(LocalOptions.ALL_SCHEDULES, SCHEDULES_OFF_SECONDS), functionConfig, seed);
    }
}

package io.ticketflow.local;

import io.ticketflow.testsupport.ProjectRoot;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One schemathesis command line against a running API: its OpenAPI document at {@code /openapi.json}, a bearer
 * token on every request, a fixed seed, our hooks, a configuration file, and every check but three: the two on
 * methods without a route (API Gateway's HTTP API answers those 404, not 405 with {@code Allow}) and
 * {@code use_after_free}, since our one DELETE ({@code /reservations/{id}}) gives a hold back and the reservation
 * stays readable as CANCELLED, as documented. Each run writes its reports into its own folder.
 */
record Schemathesis(Path executable, Path configuration, URI baseUri, String bearer, long seed, Path hooks,
                    Map<String, String> environment, Duration limit) {

    /** The same runs with another bearer token. */
    Schemathesis as(String otherBearer) {
        return new Schemathesis(executable, configuration, baseUri, otherBearer, seed, hooks, environment, limit);
    }

    /** Runs to the end (or the limit) and reads what it reported. */
    FuzzReport run(Path reportDirectory, int examples, String... options) throws IOException, InterruptedException {
        Files.createDirectories(reportDirectory);
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--config-file", configuration.toString(), "run", baseUri + "/openapi.json",
                "--url", baseUri.toString(), "--header", "Authorization: Bearer " + bearer,
                "--checks", "all", "--exclude-checks", "unsupported_method,allow_header_conformance,use_after_free",
                "--max-examples", String.valueOf(examples), "--seed", String.valueOf(seed),
                "--generation-database", "none", "--workers", "1", "--no-color",
                "--report", "json,ndjson,har", "--report-dir", reportDirectory.toString(),
                "--report-json-path", reportDirectory.resolve(FuzzReport.SUMMARY).toString(),
                "--report-ndjson-path", reportDirectory.resolve(FuzzReport.EVENTS).toString(),
                "--report-har-path", reportDirectory.resolve(FuzzReport.REQUESTS).toString()));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(reportDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(reportDirectory.resolve(FuzzReport.OUTPUT).toFile());
        String module = hooks.getFileName().toString().replaceFirst("\\.py$", "");
        // the hooks import the proof-of-work solver and the JWT reading from scripts/ticketflow_client.py
        builder.environment().put("PYTHONPATH", hooks.getParent() + File.pathSeparator + ProjectRoot.find().resolve("scripts"));
        builder.environment().put("SCHEMATHESIS_HOOKS", module);
        builder.environment().putAll(environment);
        // the hooks cannot see the --header schemathesis adds when sending; work to enter a queue names its user
        builder.environment().put("TICKETFLOW_FUZZ_BEARER", bearer);
        long started = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroyForcibly();
            throw new AssertionError("schemathesis ran longer than " + limit + "; its output: "
                    + reportDirectory.resolve(FuzzReport.OUTPUT));
        }
        return FuzzReport.read(reportDirectory, process.exitValue(), Duration.ofNanos(System.nanoTime() - started));
    }
}

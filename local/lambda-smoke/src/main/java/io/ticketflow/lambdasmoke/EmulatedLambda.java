package io.ticketflow.lambdasmoke;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function started the way Lambda starts a Java function: the Runtime Interface Emulator (the Runtime
 * API and the invoke endpoint) spawns {@code java … AWSLambda <handler>} (the Runtime Interface Client),
 * which loads the handler class from the jar, constructs it (init) and then polls for invocations.
 * The emulator initialises on the first invoke and logs the init phase ({@code INIT REPORT}) and each
 * invoke phase ({@code INVOKE RTDONE}) apart, as Lambda's platform events do.
 */
final class EmulatedLambda implements AutoCloseable {

    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    // rapid's own accounting: its REPORT line's "Init Duration" stays near 0, since the emulator counts
    // the init inside the first invoke's Duration; these two lines time each phase apart.
    private static final Pattern INIT_REPORT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");
    private static final Pattern INVOKE_DONE = Pattern.compile("INVOKE RTDONE\\(status: \\w+.*duration: ([0-9.]+)ms\\)");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final URI invocations;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final List<Report> reports = Collections.synchronizedList(new ArrayList<>());
    private volatile Double initMs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The emulator's accounting of one invoke; {@code initMs} only on the first. */
    record Report(Optional<Double> initMs, double durationMs) {
    }

    /** What one invoke answered, and how long the caller waited for it. */
    record Answer(int httpStatus, String body, double wallMs) {
    }

    private EmulatedLambda(Process process, URI invocations) {
        this.process = process;
        this.invocations = invocations;
        Thread reader = new Thread(this::readOutput, "rie-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param taskRoot         the function's jar unpacked, as Lambda unpacks a deployment package into /var/task
     * @param runtimeClasspath the Runtime Interface Client's jars: the runtime's own classpath, apart from the code
     * @param environment      the function's variables plus what Lambda sets (region, credentials, name …)
     */
    static EmulatedLambda start(Path rie, DeployedFunction function, Path taskRoot, String runtimeClasspath,
                                Map<String, String> environment, Path log) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(rie.toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + port,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the managed Java runtime's own choices for a function of this size
                "-XX:+UseSerialGC", "-Xmx" + (function.memoryMb() * 85 / 100) + "m",
                "-cp", runtimeClasspath, RIC_MAIN, function.handler()));
        // Lambda unpacks the deployment package into the task root, and the client loads the handler from
        // there (and its lib/); the working directory is the task root too, so nothing else is visible.
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(environment);
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        try {
            EmulatedLambda lambda = new EmulatedLambda(builder.start(),
                    URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations"));
            lambda.output.add("# " + String.join(" ", command) + " (log " + log + ")");
            lambda.awaitListening(port);
            return lambda;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + rie, e);
        }
    }

    /** Sends one event and waits for the function's answer (the RIE invoke endpoint answers synchronously). */
    Answer invoke(String event, Duration timeout) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(invocations)
                    .timeout(timeout)
                    .POST(HttpRequest.BodyPublishers.ofString(event))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), (System.nanoTime() - start) / 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException("invoke failed: " + e.getMessage() + "\n" + output(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The accounting of the {@code n}-th invoke, waiting briefly: the emulator may log it after answering. */
    Report report(int n) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reports.size() <= n && System.nanoTime() < deadline) {
            pause(20);
        }
        if (reports.size() <= n) {
            throw new IllegalStateException("the emulator logged no INVOKE RTDONE for invoke " + (n + 1) + "\n" + output());
        }
        return reports.get(n);
    }

    /** Everything the emulator and the function printed, for a failure message or the log file. */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(READY_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                Matcher init = INIT_REPORT.matcher(line);
                if (init.find()) {
                    initMs = Double.parseDouble(init.group(1));
                }
                Matcher invoke = INVOKE_DONE.matcher(line);
                if (invoke.find()) {
                    reports.add(new Report(reports.isEmpty() ? Optional.ofNullable(initMs) : Optional.empty(),
                            Double.parseDouble(invoke.group(1))));
                }
            }
        } catch (IOException ended) {
            // the process was stopped: its output ends here
        }
    }

    /** The emulator itself starts in milliseconds; the function's init only begins with the first invoke. */
    private void awaitListening(int port) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited at start (" + process.exitValue() + ")\n" + output());
            }
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (ConnectException notYet) {
                pause(20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        close();
        throw new IllegalStateException("the emulator did not listen on " + port + " within " + READY_TIMEOUT);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}

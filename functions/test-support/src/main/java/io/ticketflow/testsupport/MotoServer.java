package io.ticketflow.testsupport;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A moto server process on a free loopback port: the default AWS emulator (DynamoDB, Streams, SQS).
 * Clients use the real AWS SDK with only {@link #endpoint()} changed.
 */
public final class MotoServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static MotoServer shared;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server on {@code port} (0 = a free one), installing moto first if needed.
     *
     * @param logFile where the server's own output goes
     */
    public static MotoServer start(int port, Path logFile) {
        int chosenPort = port == 0 ? freePort() : port;
        return start(MotoInstallation.forProject().serverCommand("127.0.0.1", chosenPort), chosenPort, logFile);
    }

    /**
     * Starts moto's own server without our launcher ({@link MotoInstallation#stockServerCommand}): the
     * reference the launcher's conformance tests and benchmarks compare with. Never for running the system.
     */
    public static MotoServer startStock(int port, Path logFile) {
        int chosenPort = port == 0 ? freePort() : port;
        return start(MotoInstallation.forProject().stockServerCommand("127.0.0.1", chosenPort), chosenPort, logFile);
    }

    private static MotoServer start(List<String> command, int chosenPort, Path logFile) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
            MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + chosenPort));
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto server: " + e.getMessage(), e);
        }
    }

    /** One server per JVM, started on first use and stopped when the JVM exits. */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start(0, null);
            MotoServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "moto-server-stop"));
        }
        return shared;
    }

    /** The server's process (a benchmark reads its memory). */
    public ProcessHandle process() {
        return process.toHandle();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Drops every table, stream and queue: each test class starts from an empty account. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200) {
                throw new IllegalStateException("moto reset answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto server exited at start with code " + process.exitValue());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2_000);
                if (connection.getResponseCode() > 0) {
                    connection.disconnect();
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("moto server did not answer on " + endpoint + " within " + START_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}

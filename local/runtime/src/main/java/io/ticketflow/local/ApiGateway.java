package io.ticketflow.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The emulated HTTP API's socket on the loopback interface. Bound first, so the chosen port can name
 * this instance's folder before anything else starts; served once the functions are ready.
 */
final class ApiGateway implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;

    private ApiGateway(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Requests handled at once. Lambda's default regional concurrency is 1,000, and the functions here spend most of
     * a request waiting (on moto, or, for a payment, up to 3 s on the saga): with a pool of 16, status polls of a
     * crowd queued behind waiting payments for seconds, which no deployment would do. CPU, not this pool, is the
     * limit on a laptop.
     */
    static final int CONCURRENT_REQUESTS = 256;

    /** @param port 0 for a free one */
    static ApiGateway bind(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENT_REQUESTS, daemonThreads("api-gateway"));
        server.setExecutor(workers);
        return new ApiGateway(server, workers);
    }

    void serve(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

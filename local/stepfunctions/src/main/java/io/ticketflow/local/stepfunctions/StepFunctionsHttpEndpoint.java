package io.ticketflow.local.stepfunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves a {@link StepFunctionsEmulator} over the Step Functions JSON 1.0 protocol on 127.0.0.1, so that an
 * unchanged {@code SfnClient} with {@code endpointOverride(endpoint())} talks to it: POST {@code /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}. Refusals go back as AWS JSON errors (HTTP 400 with
 * {@code __type}), which the SDK turns into its typed exceptions.
 */
public final class StepFunctionsHttpEndpoint implements AutoCloseable {

    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final HttpServer server;
    private final ExecutorService threads;
    private final SfnJsonApi api;

    private StepFunctionsHttpEndpoint(HttpServer server, ExecutorService threads, SfnJsonApi api) {
        this.server = server;
        this.threads = threads;
        this.api = api;
    }

    /**
     * @param port the port to listen on, 0 for any free one (see {@link #port()})
     */
    public static StepFunctionsHttpEndpoint start(StepFunctionsEmulator emulator, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sfn-emulator-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        StepFunctionsHttpEndpoint endpoint = new StepFunctionsHttpEndpoint(server, threads, new SfnJsonApi(emulator));
        server.createContext("/", endpoint::handle);
        server.setExecutor(threads);
        server.start();
        return endpoint;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, for {@code SfnClient.builder().endpointOverride(...)}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] request = body.readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                send(exchange, 400, error("UnknownOperationException",
                        "Expected POST with an X-Amz-Target header " + TARGET_PREFIX + "<Operation>"));
                return;
            }
            JsonNode document = Json.tryParse(request.length == 0 ? "{}"
                    : new String(request, StandardCharsets.UTF_8)).orElse(null);
            if (document == null || !document.isObject()) {
                send(exchange, 400, error("SerializationException", "The request body is not a JSON object"));
                return;
            }
            try {
                send(exchange, 200, api.handle(target.substring(TARGET_PREFIX.length()), document));
            } catch (StepFunctionsException refused) {
                send(exchange, 400, error(refused.errorCode(), refused.getMessage()));
            } catch (RuntimeException bug) {
                send(exchange, 500, error("InternalFailure", String.valueOf(bug)));
            }
        }
    }

    private static ObjectNode error(String type, String message) {
        return Json.object().put("__type", type).put("message", message);
    }

    private static void send(HttpExchange exchange, int status, JsonNode response) throws IOException {
        byte[] bytes = Json.write(response).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

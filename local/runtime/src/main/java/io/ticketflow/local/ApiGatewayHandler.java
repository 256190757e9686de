package io.ticketflow.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.ticketflow.kernel.provider.ProviderClient;
import io.ticketflow.kernel.auth.DevTokens;
import io.ticketflow.kernel.auth.InvalidTokenException;
import io.ticketflow.kernel.auth.JwtVerifier;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP API stand-in: selects the route, runs the JWT authorizer, builds
 * the payload-2.0 event, invokes the route's function and writes its proxy response back. Answers
 * like API Gateway where the function is never reached (404 no route, 401 authorizer, 500 function
 * error). Local-only endpoints: {@code POST /_local/dev-tokens}, {@code GET /openapi.json}, the page's
 * {@code GET /config.json} (sign-in by dev token; on AWS the web stack writes the user pool's) and the simulated
 * payment provider under {@code /dev/provider} ({@link SimulatedPaymentProvider}); and the fan's page,
 * {@code web/}, at {@code /}.
 */
final class ApiGatewayHandler implements HttpHandler {

    static final String DEV_TOKENS_PATH = "/_local/dev-tokens";
    static final String OPENAPI_PATH = "/openapi.json";
    static final String PAGE_CONFIG_PATH = "/config.json";
    /** The page signs in with {@link #DEV_TOKENS_PATH} here. */
    static final byte[] PAGE_CONFIG = "{\"signIn\":\"dev\"}".getBytes(StandardCharsets.UTF_8);
    static final Duration DEV_TOKEN_LIFETIME = Duration.ofHours(12);
    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayHandler.class);

    private final RouteTable routes;
    private final HttpApiEvents events;
    private final LocalLambdas lambdas;
    private final JwtVerifier authorizer;
    private final DevTokens devTokens;
    private final JsonMapper json;
    private final EdgeCache edge;
    private final SimulatedPaymentProvider provider;
    private final WebAssets web;
    private final RouteLatencies latencies;

    ApiGatewayHandler(RouteTable routes, HttpApiEvents events, LocalLambdas lambdas, JwtVerifier authorizer,
                      DevTokens devTokens, JsonMapper json, EdgeCache edge, SimulatedPaymentProvider provider,
                      WebAssets web, RouteLatencies latencies) {
        this.routes = routes;
        this.events = events;
        this.lambdas = lambdas;
        this.authorizer = authorizer;
        this.devTokens = devTokens;
        this.json = json;
        this.edge = edge;
        this.provider = provider;
        this.web = web;
        this.latencies = latencies;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            Optional<Path> asset = web.find(method, path);
            if (asset.isPresent()) {
                web.send(exchange, asset.get());
            } else if (method.equals("POST") && path.equals(DEV_TOKENS_PATH)) {
                mintDevToken(exchange, body);
            } else if (method.equals("GET") && path.equals(OPENAPI_PATH)) {
                serveOpenApi(exchange);
            } else if (method.equals("GET") && path.equals(PAGE_CONFIG_PATH)) {
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.getResponseHeaders().set("cache-control", "no-cache");
                send(exchange, 200, PAGE_CONFIG);
            } else if (SimulatedPaymentProvider.serves(path)) {
                SimulatedPaymentProvider.Answer answer = provider.handle(method, path,
                        exchange.getRequestHeaders().getFirst(ProviderClient.IDEMPOTENCY_KEY), body);
                exchange.getResponseHeaders().set("content-type", "application/json");
                send(exchange, answer.status(), json.writeValueAsBytes(answer.body()));
            } else {
                route(exchange, method, path, body);
            }
        } catch (RuntimeException e) {
            LOG.error("local API gateway failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendMessage(exchange, 500, "Internal Server Error");
        }
    }

    private void route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        Optional<RouteTable.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            sendMessage(exchange, 404, "Not Found");
            return;
        }
        long started = System.nanoTime();
        try {
            answer(exchange, match.get(), method, path, body);
        } finally {
            latencies.record(match.get().route().routeKey(), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private void answer(HttpExchange exchange, RouteTable.Match match, String method, String path, byte[] body)
            throws IOException {
        boolean shared = method.equals("GET") && !match.route().authenticated();
        String cacheKey = exchange.getRequestURI().getRawPath() + "?" + Objects.toString(exchange.getRequestURI().getRawQuery(), "");
        if (shared) {
            Optional<EdgeCache.Entry> kept = edge.lookup(cacheKey);
            if (kept.isPresent()) {
                sendKept(exchange, kept.get());
                return;
            }
        }
        Map<String, Object> claims = null;
        if (match.route().authenticated()) {
            try {
                claims = authorizer.verify(exchange.getRequestHeaders().getFirst("authorization"));
            } catch (InvalidTokenException rejected) {
                LOG.info("{} {} → 401: {}", method, path, rejected.getMessage());
                exchange.getResponseHeaders().add("www-authenticate", "Bearer");
                sendMessage(exchange, 401, "Unauthorized");
                return;
            }
        }
        ObjectNode event = events.event(exchange, match.route(), match.pathParameters(), body, claims);
        JsonNode response;
        try {
            response = lambdas.invoke(match.route().function(), event);
        } catch (LocalLambdas.FunctionFailed e) {
            LOG.error("{}", e.getMessage(), e.getCause());
            sendMessage(exchange, 500, "Internal Server Error");
            return;
        }
        if (shared) {
            keep(cacheKey, response);
        }
        sendProxyResponse(exchange, response);
    }

    /** Answers from the edge: 304 when the caller holds the kept ETag, else the kept answer with its age. */
    private void sendKept(HttpExchange exchange, EdgeCache.Entry kept) throws IOException {
        long age = edge.ageOf(kept);
        kept.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("age", Long.toString(age));
        exchange.getResponseHeaders().set("x-cache", "Hit from local edge");
        if (EdgeCache.matches(exchange.getRequestHeaders().getFirst("if-none-match"), kept.etag())) {
            exchange.getResponseHeaders().remove("content-type");
            send(exchange, 304, new byte[0]);
            return;
        }
        send(exchange, kept.status(), kept.body());
    }

    /** Offers a function's 200 to the edge, as CloudFront would keep it. */
    private void keep(String cacheKey, JsonNode response) {
        if (response == null || !response.isObject() || !response.path("body").isString()
                || response.path("isBase64Encoded").asBoolean(false)) {
            return;
        }
        Map<String, String> headers = new HashMap<>();
        response.path("headers").properties().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asString()));
        edge.offer(cacheKey, response.path("statusCode").asInt(200), headers,
                response.path("body").asString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a payload-2.0 proxy response: statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded. */
    private void sendProxyResponse(HttpExchange exchange, JsonNode response) throws IOException {
        if (response == null || response.isNull() || !response.isObject() || !response.has("statusCode")) {
            // Payload 2.0 treats a response without statusCode as a 200 JSON body.
            byte[] bytes = response == null || response.isNull() ? new byte[0] : json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("content-type", "application/json");
            send(exchange, 200, bytes);
            return;
        }
        JsonNode headers = response.path("headers");
        if (headers.isObject()) {
            headers.properties().forEach(h -> exchange.getResponseHeaders().set(h.getKey(), h.getValue().asString()));
        }
        JsonNode multiValueHeaders = response.path("multiValueHeaders");
        if (multiValueHeaders.isObject()) {
            multiValueHeaders.properties().forEach(h ->
                    h.getValue().forEach(v -> exchange.getResponseHeaders().add(h.getKey(), v.asString())));
        }
        response.path("cookies").forEach(c -> exchange.getResponseHeaders().add("set-cookie", c.asString()));
        JsonNode bodyNode = response.path("body");
        byte[] body = new byte[0];
        if (bodyNode.isString()) {
            body = response.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(bodyNode.asString())
                    : bodyNode.asString().getBytes(StandardCharsets.UTF_8);
        }
        send(exchange, response.path("statusCode").asInt(200), body);
    }

    /**
     * {@code {"userId": "ops", "scopes": ["ticketflow/admin"]}}: scopes are optional, and any may be asked for,
     * since this endpoint exists only in the local runtime (on AWS an identity provider grants them).
     */
    private void mintDevToken(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (JacksonException malformed) {
            request = json.createObjectNode();
        }
        String userId = request.path("userId").asString("");
        JsonNode scopes = request.path("scopes");
        boolean scopesWellFormed = scopes.isMissingNode() || scopes.isArray() && scopes.valueStream().allMatch(
                scope -> scope.isString() && !scope.asString().isBlank() && !scope.asString().contains(" "));
        if (userId.isBlank() || !scopesWellFormed) {
            sendMessage(exchange, 400, "body must be {\"userId\":\"...\"} with an optional \"scopes\":[\"...\"]");
            return;
        }
        List<String> granted = scopes.valueStream().map(JsonNode::asString).toList();
        ObjectNode token = json.createObjectNode();
        token.put("token", devTokens.mint(userId, granted, DEV_TOKEN_LIFETIME));
        token.put("userId", userId);
        if (!granted.isEmpty()) {
            granted.forEach(token.putArray("scopes")::add);
        }
        exchange.getResponseHeaders().set("content-type", "application/json");
        send(exchange, 200, json.writeValueAsBytes(token));
    }

    private void serveOpenApi(HttpExchange exchange) throws IOException {
        try (InputStream document = ApiGatewayHandler.class.getResourceAsStream("/openapi.json")) {
            if (document == null) {
                sendMessage(exchange, 404, "Not Found");
                return;
            }
            exchange.getResponseHeaders().set("content-type", "application/json");
            send(exchange, 200, document.readAllBytes());
        }
    }

    private void sendMessage(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("message", message);
        exchange.getResponseHeaders().set("content-type", "application/json");
        send(exchange, status, json.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}

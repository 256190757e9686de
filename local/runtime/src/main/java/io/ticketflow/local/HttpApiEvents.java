package io.ticketflow.local;

import com.sun.net.httpserver.HttpExchange;
import io.ticketflow.catalog.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the API Gateway HTTP API (payload format 2.0) event Lambda receives for a request. */
final class HttpApiEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final JsonMapper json;
    private final Clock clock;

    HttpApiEvents(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param claims verified JWT claims of an authenticated route, else null
     */
    ObjectNode event(HttpExchange exchange, Route route, Map<String, String> pathParameters, byte[] body,
                     Map<String, Object> claims) {
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Map<String, String> headers = headers(exchange);
        long now = clock.millis();

        ObjectNode event = json.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        // Payload 2.0 moves the Cookie header into its own array.
        String cookieHeader = headers.remove("cookie");
        if (cookieHeader != null) {
            ArrayNode cookies = event.putArray("cookies");
            List.of(cookieHeader.split(";")).stream().map(String::trim).filter(c -> !c.isEmpty()).forEach(cookies::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            queryParameters(rawQuery).forEach(query::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode path = event.putObject("pathParameters");
            pathParameters.forEach(path::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("domainPrefix", "local");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(clock.instant()));
        context.put("timeEpoch", now);
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claimNode = jwt.putObject("claims");
            // API Gateway hands every claim over as a string; arrays as "[a b]".
            claims.forEach((name, value) -> claimNode.put(name, claimText(value)));
            Object scope = claims.get("scope");
            if (scope instanceof String scopes && !scopes.isBlank()) {
                ArrayNode scopeNode = jwt.putArray("scopes");
                List.of(scopes.trim().split("\\s+")).forEach(scopeNode::add);
            } else {
                jwt.putNull("scopes");
            }
        }

        if (body.length > 0) {
            if (isText(headers.get("content-type"))) {
                event.put("body", new String(body, StandardCharsets.UTF_8));
                event.put("isBase64Encoded", false);
            } else {
                event.put("body", Base64.getEncoder().encodeToString(body));
                event.put("isBase64Encoded", true);
            }
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.merge(name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
        return headers;
    }

    /** Repeated parameters are joined with commas, as API Gateway does in payload format 2.0. */
    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String claimText(Object value) {
        if (value instanceof Collection<?> values) {
            return "[" + String.join(" ", values.stream().map(String::valueOf).toList()) + "]";
        }
        if (value instanceof java.util.Date date) {
            return String.valueOf(date.getTime() / 1000);
        }
        return String.valueOf(value);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.contains("javascript");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

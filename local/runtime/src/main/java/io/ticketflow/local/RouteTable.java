package io.ticketflow.local;

import io.ticketflow.catalog.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's route selection: method and path template, {@code {name}} matching one segment and
 * {@code {name+}} the rest; the most specific route (most literal segments) wins.
 */
final class RouteTable {

    private final List<Route> routes;

    RouteTable(List<Route> routes) {
        this.routes = routes.stream()
                .sorted(Comparator.comparingLong((Route r) -> literalSegments(r.path())).reversed())
                .toList();
    }

    record Match(Route route, Map<String, String> pathParameters) {
    }

    Optional<Match> match(String method, String rawPath) {
        String[] requested = segments(rawPath);
        for (Route route : routes) {
            if (!route.method().name().equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = bind(segments(route.path()), requested);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(String[] template, String[] requested) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= requested.length) {
                    return null;
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(requested, i, requested.length));
                parameters.put(part.substring(1, part.length() - 2), decode(rest));
                return parameters;
            }
            if (i >= requested.length) {
                return null;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                if (requested[i].isEmpty()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 1), decode(requested[i]));
            } else if (!part.equals(requested[i])) {
                return null;
            }
        }
        return template.length == requested.length ? parameters : null;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static long literalSegments(String path) {
        return java.util.Arrays.stream(segments(path)).filter(s -> !s.startsWith("{")).count();
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

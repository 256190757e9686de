package io.ticketflow.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard's "p99 per route" is locally: the emulated API Gateway's latency of each answered request
 * (as API Gateway's {@code Latency}: request in to answer out, the authorizer and the function included), taken
 * out per summary interval.
 */
final class RouteLatencies {

    /** The p99 of one route over an interval. */
    record P99(String routeKey, long millis, int requests) {
    }

    private Map<String, List<Long>> pending = new HashMap<>();

    synchronized void record(String routeKey, long millis) {
        pending.computeIfAbsent(routeKey, key -> new ArrayList<>()).add(millis);
    }

    /** The slowest route's p99 since the last call, and forgets those requests. */
    Optional<P99> slowestSinceLast() {
        Map<String, List<Long>> interval;
        synchronized (this) {
            interval = pending;
            pending = new HashMap<>();
        }
        return interval.entrySet().stream()
                .map(route -> new P99(route.getKey(), p99(route.getValue()), route.getValue().size()))
                .max(java.util.Comparator.comparingLong(P99::millis));
    }

    /** Nearest rank: the smallest value at least 99 % of the requests did not exceed. */
    static long p99(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}

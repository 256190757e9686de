package io.ticketflow.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stand-in for CloudFront in front of the public routes: a GET answered 200 with
 * {@code Cache-Control: public, max-age=N} is kept for N seconds per path and query and answered from here, with
 * {@code Age}; a caller holding its ETag gets 304. Only public routes go through it: an answer to a bearer is
 * never shared.
 */
final class EdgeCache {

    /** Copies kept before the expired ones are dropped: a query string makes a new key, and keys are the caller's. */
    private static final int SWEEP_ABOVE = 10_000;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*max-age\\s*=\\s*(\\d+)");

    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    EdgeCache(Clock clock) {
        this.clock = clock;
    }

    /** One kept answer. */
    record Entry(int status, Map<String, String> headers, byte[] body, Instant storedAt, Instant expiresAt) {

        String etag() {
            return headers.get("etag");
        }
    }

    /** Seconds since the function gave the kept answer, as the {@code Age} header says it. */
    long ageOf(Entry entry) {
        return Math.max(0, Duration.between(entry.storedAt(), clock.instant()).toSeconds());
    }

    /** The fresh answer kept for {@code key}, counted as a hit; a miss is counted too. */
    Optional<Entry> lookup(String key) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry == null || !now.isBefore(entry.expiresAt())) {
            misses.incrementAndGet();
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(entry);
    }

    /** Keeps a 200 whose headers (lower-case names) allow a shared cache to, for its max-age. */
    void offer(String key, int status, Map<String, String> headers, byte[] body) {
        String cacheControl = headers.getOrDefault("cache-control", "");
        if (status != 200 || !cacheControl.contains("public") || cacheControl.contains("no-store")
                || cacheControl.contains("private")) {
            return;
        }
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        if (!maxAge.find()) {
            return;
        }
        long seconds = Long.parseLong(maxAge.group(1));
        if (seconds <= 0) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() > SWEEP_ABOVE) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        }
        entries.put(key, new Entry(status, Map.copyOf(headers), body.clone(), now, now.plusSeconds(seconds)));
    }

    /** RFC 9110 weak comparison, as CloudFront answers a conditional GET from its copy. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(strong));
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }
}

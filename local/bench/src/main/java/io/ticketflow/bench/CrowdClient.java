package io.ticketflow.bench;

import io.ticketflow.catalog.Route;
import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.PointTopUps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fan's requests in the crowd, over HTTP, each timed under the name of what it does ({@code enter},
 * {@code status}, {@code seat map}, {@code hold}, {@code top-up}, {@code pay}, …) so a figure can set the costs of a
 * loaded system against an empty one. The answers are returned as they come: deciding what a 409 or a 403 means is
 * the fan's business, not the client's.
 */
final class CrowdClient {

    private static final Duration OPENING_TIMEOUT = Duration.ofSeconds(60);

    private final LocalRuntime runtime;
    private final ApiHttp http;
    private final JsonMapper json;
    private static final int SERVER_ERROR_ATTEMPTS = 5;

    private final Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
    private final boolean retryServerErrors;
    private final AtomicLong serverErrorsRetried = new AtomicLong();

    CrowdClient(LocalRuntime runtime, JsonMapper json) {
        this(runtime, json, false);
    }

    /**
     * @param retryServerErrors send a request again (up to 5 times) while it answers 5xx, as a client of an API
     *                          that may lose answers does; every request here is safe to repeat (idempotency keys, or
     *                          a refusal, as a repeated hold of the fan's own seats gets)
     */
    CrowdClient(LocalRuntime runtime, JsonMapper json, boolean retryServerErrors) {
        this.runtime = runtime;
        this.http = new ApiHttp(runtime.baseUri());
        this.json = json;
        this.retryServerErrors = retryServerErrors;
    }

    long serverErrorsRetried() {
        return serverErrorsRetried.get();
    }

    /** An answer: status code and the parsed body (an empty object when there is none). */
    /** @param retryAfter the answer's {@code Retry-After}: when the same request may succeed; null without one */
    record Answer(int status, JsonNode body, Duration retryAfter) {
        boolean is(int expected) {
            return status == expected;
        }

        /** A refusal that passes by itself (e.g. a payment not open yet): ask again after {@link #retryAfter}. */
        boolean askAgainLater() {
            return retryAfter != null;
        }

        String problemType() {
            return body.path("type").asString("");
        }
    }

    String bearer(String userId) {
        return runtime.devToken(userId);
    }

    /**
     * Publishes a concert document as an operator does ({@code scripts/publish-concert}): {@code POST /admin/concerts}
     * with a token carrying the admin scope, then opens its queue.
     *
     * @return the concert's first schedule, the one a crowd books
     */
    Crowd.Hall.Booked publishAsOperator(Path document) {
        String body;
        try {
            body = Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the concert document " + document, e);
        }
        String operator = runtime.devToken("bench-operator", List.of(Route.ADMIN_SCOPE));
        Answer published = timed("publish", "POST", "/admin/concerts", operator, body, Map.of());
        if (!published.is(201)) {
            throw new IllegalStateException("POST /admin/concerts answered " + published.status() + ": " + published.body());
        }
        String concertId = published.body().path("concertId").asString();
        Answer opened = timed("open", "POST", "/admin/concerts/" + concertId + "/queue/open", operator, null, Map.of());
        if (!opened.is(200)) {
            throw new IllegalStateException("opening the queue of " + concertId + " answered " + opened.status() + ": " + opened.body());
        }
        JsonNode schedule = json.readTree(body).path("schedules").get(0);
        int seats = schedule.path("seats").size();
        List<CrowdFan.SeatRange> sections = new ArrayList<>();
        for (JsonNode section : schedule.path("sections")) {
            sections.add(new CrowdFan.SeatRange(section.path("firstSeat").intValue(), section.path("lastSeat").intValue()));
            seats += section.path("lastSeat").intValue() - section.path("firstSeat").intValue() + 1;
        }
        return new Crowd.Hall.Booked(concertId, schedule.path("scheduleId").asString(), seats, sections);
    }

    /** {@code POST /admin/concerts/{id}/queue/open} with an opening time: arrivals before it wait for the draw. */
    Answer openQueue(String operatorBearer, String concertId, Instant opensAt) {
        return timed("open", "POST", "/admin/concerts/" + concertId + "/queue/open", operatorBearer,
                json.writeValueAsString(Map.of("opensAt", opensAt.toString())), Map.of());
    }

    /** Enters with the work solved for the bearer's user, as a browser would before it posts. */
    Answer enter(String bearer, String concertId) {
        return timed("enter", "POST", "/concerts/" + concertId + "/queue-tokens", bearer, null,
                ProofOfWork.header(concertId, subjectOf(bearer), LocalRuntime.LOCAL_WORK_DIFFICULTY));
    }

    /** The user a bearer token names: its claims are the client's own to read. */
    private String subjectOf(String bearer) {
        String[] parts = bearer.split("\\.");
        return json.readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asString();
    }

    /** Enters once the queue is open: publishing opens it through events, and enters answer 404 until then. */
    Answer enterWhenOpen(String bearer, String concertId) {
        long deadline = System.nanoTime() + OPENING_TIMEOUT.toNanos();
        while (true) {
            Answer entered = enter(bearer, concertId);
            if (entered.is(201)) {
                return entered;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("queue of " + concertId + " not open after " + OPENING_TIMEOUT + ": "
                        + entered.body());
            }
            // a 429 says when this user may enter again; asking sooner only counts against the limit
            CrowdFan.pause(entered.is(429) && entered.askAgainLater() ? entered.retryAfter() : Duration.ofMillis(250));
        }
    }

    Answer status(String bearer, String token) {
        return timed("status", "GET", "/queue-tokens/" + token, bearer, null, Map.of());
    }

    Answer seatMap(String scheduleId) {
        return timed("seat map", "GET", "/schedules/" + scheduleId + "/seats", null, null, Map.of());
    }

    Answer seatMap(String scheduleId, CrowdFan.SeatRange section) {
        return timed("seat map", "GET", "/schedules/" + scheduleId + "/seats?fromSeat=" + section.first() + "&toSeat="
                + section.last(), null, null, Map.of());
    }

    /** @param admissionPass what the status answer that said ACTIVE carried */
    Answer hold(String bearer, String admissionPass, String scheduleId, List<Integer> seatNos) {
        return timed("hold", "POST", "/reservations", bearer,
                json.writeValueAsString(Map.of("scheduleId", scheduleId, "seatNos", seatNos)),
                admissionHeader(admissionPass));
    }

    /** Gives a PENDING hold back, freeing its token for the next hold. */
    Answer cancelHold(String bearer, String admissionPass, String reservationId) {
        return timed("cancel hold", "DELETE", "/reservations/" + reservationId, bearer, null, admissionHeader(admissionPass));
    }

    /** A top-up as a user makes it: {@code top-up} starts it, {@code provider confirm} pays it (and the webhook credits). */
    PointTopUps.Outcome topUp(String bearer, long amount) {
        return PointTopUps.buy((method, path, token, body) -> {
            Answer answer = timed(token == null ? "provider confirm" : "top-up", method, path, token, body, Map.of());
            return new PointTopUps.Reply(answer.status(), answer.body().toString());
        }, json, bearer, amount);
    }

    Answer pay(String bearer, String admissionPass, String reservationId, String faultAt, BookingClient.Split split) {
        Map<String, String> headers = new TreeMap<>(admissionHeader(admissionPass));
        headers.put("Idempotency-Key", "pay-" + reservationId);
        if (faultAt != null) {
            headers.put("X-Fault-Inject", faultAt);
        }
        return timed("pay", "POST", "/payments", bearer, json.writeValueAsString(split.paymentBody(reservationId)),
                headers);
    }

    Answer booking(String bearer, String reservationId) {
        return timed("booking", "GET", "/bookings/" + reservationId, bearer, null, Map.of());
    }

    Answer history(String bearer) {
        return timed("history", "GET", "/points/history", bearer, null, Map.of());
    }

    Answer payment(String bearer, String paymentId) {
        return timed("payment", "GET", "/payments/" + paymentId, bearer, null, Map.of());
    }

    /** What the simulated provider charged and refunded on the reservation's card (local runs only). */
    Answer cardStatement(String reservationId) {
        return timed("cardStatement", "GET", "/dev/provider/cards/" + reservationId, null, null, Map.of());
    }

    /** Without a pass the request goes without the header, so the service's refusal is what the figure sees. */
    private static Map<String, String> admissionHeader(String admissionPass) {
        return admissionPass == null ? Map.of() : Map.of(AdmissionProblems.HEADER, admissionPass);
    }

    /** Latencies recorded so far per request name, and a fresh record from now on. */
    Map<String, List<Double>> drainLatencies() {
        Map<String, List<Double>> drained = new TreeMap<>();
        for (String name : List.copyOf(latencies.keySet())) {
            List<Double> samples = latencies.remove(name);
            if (samples != null) {
                synchronized (samples) {
                    drained.put(name, new ArrayList<>(samples));
                }
            }
        }
        return drained;
    }

    private Answer timed(String name, String method, String path, String bearer, String body, Map<String, String> headers) {
        Answer answer = timedOnce(name, method, path, bearer, body, headers);
        for (int attempt = 1; retryServerErrors && answer.status() >= 500 && attempt < SERVER_ERROR_ATTEMPTS; attempt++) {
            serverErrorsRetried.incrementAndGet();
            CrowdFan.pause(Duration.ofMillis(100L * attempt));
            answer = timedOnce(name, method, path, bearer, body, headers);
        }
        return answer;
    }

    private Answer timedOnce(String name, String method, String path, String bearer, String body, Map<String, String> headers) {
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(method, path, bearer, body, headers);
        double millis = (System.nanoTime() - sent) / 1e6;
        latencies.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(millis);
        JsonNode parsed = response.body() == null || response.body().isBlank()
                ? json.createObjectNode() : json.readTree(response.body());
        Duration retryAfter = response.headers().firstValue("retry-after").map(Long::parseLong)
                .map(Duration::ofSeconds).orElse(null);
        return new Answer(response.statusCode(), parsed, retryAfter);
    }
}

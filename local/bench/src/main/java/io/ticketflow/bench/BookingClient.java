package io.ticketflow.bench;

import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.local.LocalRuntime;
import io.ticketflow.local.PointTopUps;
import io.ticketflow.reservation.domain.ReservationProblems;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's booking over HTTP only, as a patient client does it: enter the queue, poll until ACTIVE, top up points,
 * hold a seat with the admission pass the ACTIVE answer carried, pay with it, and read the booking once the saga has
 * ended. It asks again only where the system is eventually consistent by design (the seat inventory follows the
 * concert's events, the saga parks in AwaitPayment after the hold), so every request it sends is one a real client
 * would send — and is counted in the booking's cost.
 */
final class BookingClient {

    static final Duration WAIT = Duration.ofSeconds(60);
    /** How often a waiting client asks again; each ask is an API request and a Lambda invocation. */
    static final Duration POLL_PAUSE = Duration.ofMillis(250);
    private static final String UNKNOWN_SCHEDULE = ReservationProblems.UNKNOWN_SCHEDULE.uri().toString();

    private final LocalRuntime runtime;
    private final JsonMapper json;
    private final ApiHttp http;
    private final QueueApi queue;

    BookingClient(LocalRuntime runtime, JsonMapper json) {
        this.runtime = runtime;
        this.json = json;
        this.http = new ApiHttp(runtime.baseUri());
        this.queue = new QueueApi(runtime, json);
    }

    /** A user the queue has let in, with the pass Reservation and Payment admit them on. */
    record Admitted(String userId, String bearer, String admissionPass) {
    }

    /**
     * How a booking is paid: {@code pointsToUse} of the price in points, the rest by the simulated provider's test
     * card {@code paymentMethod}; {@link #ALL_POINTS} sends neither, as a client from before card payments does.
     */
    record Split(Long pointsToUse, String paymentMethod) {
        static final Split ALL_POINTS = new Split(null, null);

        /** Half the price (rounded down) by the card, the rest in points. */
        static Split halfByCard(long totalPrice, String paymentMethod) {
            return new Split(totalPrice - totalPrice / 2, paymentMethod);
        }

        /** The body of {@code POST /payments} for the reservation, paid this way. */
        Map<String, Object> paymentBody(String reservationId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reservationId", reservationId);
            if (pointsToUse != null) {
                body.put("pointsToUse", pointsToUse);
            }
            if (paymentMethod != null) {
                body.put("paymentMethod", paymentMethod);
            }
            return body;
        }
    }

    /** A seat held for a user: the reservation is the booking (and the saga execution's name). */
    record Held(Admitted user, String reservationId, int totalPrice) {
    }

    /** Enters the concert's queue and polls the token until it is ACTIVE. */
    Admitted admitted(String userId, String concertId) {
        String admissionPass = queue.awaitActive(queue.enter(concertId, userId), WAIT);
        return new Admitted(userId, runtime.devToken(userId), admissionPass);
    }

    /** Buys points as a user does: a top-up paid at the simulated provider, credited by its webhook. */
    void topUp(Admitted user, long amount) {
        PointTopUps.Outcome bought = PointTopUps.buy((method, path, token, body) -> {
            HttpResponse<String> reply = send(method, path, token, body, Map.of());
            return new PointTopUps.Reply(reply.statusCode(), reply.body());
        }, json, user.bearer(), amount);
        if (!bought.credited()) {
            throw new IllegalStateException("top-up of " + user.userId() + " not credited: " + bought.detail());
        }
    }

    /** Holds one seat; asks again only while Reservation's seat inventory has not caught up with the concert. */
    Held hold(Admitted user, String scheduleId, int seatNo) {
        String body = json.writeValueAsString(Map.of("scheduleId", scheduleId, "seatNos", List.of(seatNo)));
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        waitUntil("hold of " + scheduleId + "/" + seatNo + " by " + user.userId(), () -> {
            last.set(send("POST", "/reservations", user.bearer(), body,
                    Map.of(AdmissionProblems.HEADER, user.admissionPass())));
            return !last.get().body().contains(UNKNOWN_SCHEDULE);
        });
        JsonNode reservation = expect(last.get(), 201);
        return new Held(user, reservation.path("reservationId").asString(), reservation.path("totalPrice").intValue());
    }

    /**
     * Pays and returns the booking's end as the client learns it: the payment answer's status when final, else
     * the booking status once the saga has ended. Asks again, after its Retry-After, only while the payment is not open yet (409 payment-not-open).
     */
    String pay(Held booking, String faultAt) {
        return pay(booking, faultAt, Split.ALL_POINTS);
    }

    /** As {@link #pay(Held, String)}, paying as {@code split} says. */
    String pay(Held booking, String faultAt, Split split) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(AdmissionProblems.HEADER, booking.user().admissionPass());
        headers.put("Idempotency-Key", "pay-" + booking.reservationId());
        if (faultAt != null) {
            headers.put("X-Fault-Inject", faultAt);
        }
        String body = json.writeValueAsString(split.paymentBody(booking.reservationId()));
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        last.set(send("POST", "/payments", booking.user().bearer(), body, headers));
        // 409 payment-not-open carries Retry-After: the saga has not parked in AwaitPayment yet
        for (Optional<String> retryAfter = last.get().headers().firstValue("retry-after"); retryAfter.isPresent();
                retryAfter = last.get().headers().firstValue("retry-after")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no payment of " + booking.reservationId() + " within " + WAIT);
            }
            pause(Duration.ofSeconds(Long.parseLong(retryAfter.get())), "payment of " + booking.reservationId());
            last.set(send("POST", "/payments", booking.user().bearer(), body, headers));
        }
        if (last.get().statusCode() == 403) {
            throw new IllegalStateException("payment of " + booking.reservationId() + " refused: " + last.get().body());
        }
        if (last.get().statusCode() == 200
                && "CONFIRMED".equals(json.readTree(last.get().body()).path("status").asString())) {
            return "CONFIRMED";
        }
        return settled(booking).path("status").asString();
    }

    /** {@code GET /bookings/{id}} once the saga has ended. */
    JsonNode settled(Held booking) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        waitUntil("end of booking " + booking.reservationId(), () -> {
            last.set(expect(send("GET", "/bookings/" + booking.reservationId(), booking.user().bearer(), null,
                    Map.of()), 200));
            return !"RUNNING".equals(last.get().path("status").asString());
        });
        return last.get();
    }

    private JsonNode expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return json.readTree(response.body());
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                + " answered " + response.statusCode() + ": " + response.body());
    }

    private static void waitUntil(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + WAIT);
            }
            pause(POLL_PAUSE, what);
        }
    }

    private static void pause(Duration pause, String what) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body, Map<String, String> headers) {
        return http.send(method, path, bearer, body, headers);
    }
}

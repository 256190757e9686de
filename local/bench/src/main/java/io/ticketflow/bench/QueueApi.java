package io.ticketflow.bench;

import io.ticketflow.kernel.work.ProofOfWork;
import io.ticketflow.local.LocalRuntime;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The queue's HTTP API of a running local runtime, as a client sees it: bearer token in, JSON out. */
final class QueueApi {

    /** How often a waiting client asks for its token again; each ask is an API request and a Lambda invocation. */
    static final Duration STATUS_POLL_PAUSE = Duration.ofMillis(250);

    private final LocalRuntime runtime;
    private final ApiHttp http;
    private final JsonMapper json;

    QueueApi(LocalRuntime runtime, JsonMapper json) {
        this.runtime = runtime;
        this.json = json;
        this.http = new ApiHttp(runtime.baseUri());
    }

    /** A user's place in the queue. */
    record Entered(String userId, String token) {
    }

    /** A token as its owner sees it; the admission pass comes with ACTIVE and only with it. */
    record Ticket(String status, String admissionPass) {
        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** {@code POST /concerts/{concertId}/queue-tokens} as {@code userId}; anything but 201 is a failed bench. */
    Entered enter(String concertId, String userId) {
        HttpResponse<String> response = http.send("POST", "/concerts/" + concertId + "/queue-tokens",
                runtime.devToken(userId), null, ProofOfWork.header(concertId, userId, LocalRuntime.LOCAL_WORK_DIFFICULTY));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("enter as " + userId + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode ticket = json.readTree(response.body());
        return new Entered(userId, ticket.path("token").asString());
    }

    /** Every user enters, from {@code clients} threads at once; the answers in the order of {@code userIds}. */
    List<Entered> enterAll(String concertId, List<String> userIds, int clients) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Entered>> entering = new ArrayList<>();
            for (String userId : userIds) {
                entering.add(pool.submit(() -> enter(concertId, userId)));
            }
            List<Entered> entered = new ArrayList<>();
            for (Future<Entered> one : entering) {
                entered.add(one.get());
            }
            return entered;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an enter failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code GET /queue-tokens/{token}} as its owner; anything but 200 is a failed bench. */
    Ticket status(Entered user) {
        HttpResponse<String> response = http.send("GET", "/queue-tokens/" + user.token(),
                runtime.devToken(user.userId()), null, Map.of());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status of " + user.token() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        JsonNode ticket = json.readTree(response.body());
        return new Ticket(ticket.path("status").asString(), ticket.path("admissionPass").asString(null));
    }

    /**
     * Polls the token until it is ACTIVE and returns the admission pass that answer carried: the caller can hold
     * or pay with it at once, nothing else has to catch up first.
     */
    String awaitActive(Entered user, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Ticket ticket = status(user);
            if (ticket.active()) {
                if (ticket.admissionPass() == null) {
                    throw new IllegalStateException("token " + user.token() + " is ACTIVE, its answer has no pass");
                }
                return ticket.admissionPass();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("token " + user.token() + " of " + user.userId() + " not ACTIVE within "
                        + timeout + ", still " + ticket.status());
            }
            CrowdFan.pause(STATUS_POLL_PAUSE);
        }
    }
}

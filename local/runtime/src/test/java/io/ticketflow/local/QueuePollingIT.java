package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Polling split in two, over HTTP through the local runtime: the shared "now serving" answer is cacheable for a tick
 * and the runtime's edge (CloudFront's stand-in) answers the crowd's polls from its copy, 304 to a caller holding the
 * ETag; the per-user status says when to ask again and estimates the wait from the rate the ticks measured. One
 * token at a time is admitted, for one second each, so the queue moves at a pace the ticks can measure.
 */
@ExtendWith(MotoExtension.class)
class QueuePollingIT {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String CONCERT = "poll-hall";
    private static LocalRuntime runtime;
    private static GateClient gate;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = GateClient.startRuntime(endpoint, "poll-",
                Map.of("QUEUE_ACTIVATION_BATCH_SIZE", "1", "QUEUE_MAX_ACTIVE", "1", "QUEUE_ACTIVE_WINDOW_SECONDS", "1"));
        gate = new GateClient(runtime);
        gate.open(CONCERT, null);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void nowServing_isCachedForATick_andAnsweredFromTheEdge_304ToTheHolderOfItsETag() {
        HttpResponse<String> first = gate.nowServing(CONCERT, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(first.headers().firstValue("cache-control")).hasValue("public, max-age=10");
        assertThat(GateClient.body(first).path("workDifficulty").asInt()).isEqualTo(LocalRuntime.LOCAL_WORK_DIFFICULTY);

        long missesBefore = runtime.edgeMisses();
        int polls = 1_000;
        int notModified = 0;
        for (int i = 0; i < polls; i++) {
            HttpResponse<String> poll = gate.nowServing(CONCERT, i % 2 == 0 ? etag : null);
            if (poll.statusCode() == 304) {
                notModified++;
            } else {
                assertThat(poll.statusCode()).isEqualTo(200);
            }
        }
        long reachedTheFunction = runtime.edgeMisses() - missesBefore;
        System.out.printf("now serving: %d polls, %d reached the function (1 DynamoDB read each), %d answered 304%n",
                polls, reachedTheFunction, notModified);
        // one function call per expired copy: a poll loop this short spans at most a few ticks
        assertThat(reachedTheFunction).isLessThanOrEqualTo(polls / 100);
        assertThat(notModified).isGreaterThanOrEqualTo(polls / 2 - (int) reachedTheFunction);

        HttpResponse<String> pastTheEdge = gate.nowServingPastTheEdge(CONCERT, etag);
        assertThat(pastTheEdge.statusCode()).as("the function itself answers 304 to the holder of the tag").isEqualTo(304);
        assertThat(pastTheEdge.headers().firstValue("x-cache")).isEmpty();
    }

    @Test
    void status_saysWhenToPollAgain_andEstimatesTheWaitFromTheMeasuredRate() {
        List<String> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            users.add("fan-" + i);
            tokens.add(gate.entered("fan-" + i, CONCERT));
        }
        String lastUser = users.get(users.size() - 1);
        String lastToken = tokens.get(tokens.size() - 1);

        HttpResponse<String> response = gate.statusResponse(lastUser, lastToken);
        JsonNode status = GateClient.body(response);
        assertThat(status.path("pollAfterSeconds").asLong()).isPositive();
        assertThat(response.headers().firstValue("retry-after")).hasValue(status.path("pollAfterSeconds").asString());
        assertThat(response.headers().firstValue("cache-control")).hasValue("private, no-store");

        Eventually.within(WAIT, () -> assertThat(measuredRate()).isPositive());
        Eventually.within(WAIT, () -> {
            JsonNode now = gate.status(lastUser, lastToken);
            assertThat(now.path("status").asString()).isEqualTo("WAITING");
            long position = now.path("position").asLong();
            double rate = measuredRate();
            // the rate moves between ticks (one admission, then a tick held by the active bound): within a factor of 2
            assertThat((double) now.path("etaSeconds").asLong()).as("people ahead / measured rate, " + now)
                    .isBetween(position / rate / 2 - 1, position / rate * 2 + 1);
            assertThat(now.path("etaSeconds").asLong()).as("not one batch per 10 s tick: " + now).isLessThan(position * 10);
        });
    }

    /** The rate as the shared answer gives it, read past the edge's copy. */
    private static double measuredRate() {
        HttpResponse<String> fresh = gate.nowServingPastTheEdge(CONCERT, null);
        return GateClient.body(fresh).path("admittedPerSecond").asDouble();
    }
}

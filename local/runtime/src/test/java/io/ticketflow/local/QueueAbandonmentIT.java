package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users who stop polling, over HTTP through the local runtime (abandonment after 3 s, a grace of 6 s, two admissions
 * per tick): four users enter a queue before its opening, two of them never poll. At the opening the one tick admits
 * the two who are there, passing over the two who left (QUEUE_ABANDONED): no admission goes to someone who left.
 * One comes back within the grace period and is admitted next; the other comes back too late and finds the token
 * expired.
 */
@ExtendWith(MotoExtension.class)
class QueueAbandonmentIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int GRACE_SECONDS = 6;
    private static final String CONCERT = "abandon-hall";
    private static LocalRuntime runtime;
    private static GateClient gate;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = GateClient.startRuntime(endpoint, "abandon-", Map.of("QUEUE_ACTIVATION_BATCH_SIZE", "2",
                "QUEUE_ACTIVE_WINDOW_SECONDS", "600",
                        "QUEUE_ABANDON_AFTER_SECONDS", "3", "QUEUE_ABANDON_GRACE_SECONDS", String.valueOf(GRACE_SECONDS)));
        gate = new GateClient(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void usersWhoStoppedPolling_arePassedOver_comingBackInGraceRestoresThePlace_laterItHasExpired() throws Exception {
        gate.open(CONCERT, Instant.now().plusSeconds(5));
        String gone = gate.entered("gone", CONCERT);
        String stays = gate.entered("stays", CONCERT);
        String late = gate.entered("late", CONCERT);
        String alsoStays = gate.entered("also-stays", CONCERT);

        // the two who stay poll (each poll records that they are there); the others are silent past the opening
        Eventually.within(WAIT, () -> {
            String first = gate.status("stays", stays).path("status").asString();
            String second = gate.status("also-stays", alsoStays).path("status").asString();
            assertThat(List.of(first, second)).containsOnly("ACTIVE");
        });

        // the tick stops walking once it admitted its two; a silent user after them is passed over by the next tick
        Eventually.within(WAIT, () -> assertThat(gate.events(EventTypes.QUEUE_ABANDONED))
                .extracting(EventEnvelope::aggregateId).containsExactlyInAnyOrder(gone, late));
        List<EventEnvelope> abandoned = gate.events(EventTypes.QUEUE_ABANDONED);
        assertThat(gate.events(EventTypes.QUEUE_ACTIVATED)).extracting(EventEnvelope::aggregateId)
                .as("no admission went to a user who had left").containsExactlyInAnyOrder(stays, alsoStays);

        var back = gate.status("gone", gone);
        assertThat(back.path("status").asString()).isEqualTo("WAITING");
        assertThat(back.path("position").asLong()).as("back first in line").isEqualTo(1);
        assertThat(gate.events(EventTypes.QUEUE_RESTORED)).extracting(EventEnvelope::aggregateId).containsExactly(gone);
        Eventually.within(WAIT, () -> assertThat(gate.status("gone", gone).path("status").asString()).isEqualTo("ACTIVE"));

        Instant lateAbandonedAt = abandoned.stream().filter(event -> event.aggregateId().equals(late))
                .findFirst().orElseThrow().occurredAt();
        Duration untilGraceEnds = Duration.between(Instant.now(), lateAbandonedAt.plusSeconds(GRACE_SECONDS + 1));
        if (!untilGraceEnds.isNegative()) {
            Thread.sleep(untilGraceEnds.toMillis());
        }
        var expired = gate.status("late", late);
        assertThat(expired.path("status").asString()).as("the grace period ended first").isEqualTo("EXPIRED");
        assertThat(gate.events(EventTypes.QUEUE_EXPIRED)).filteredOn(event -> event.aggregateId().equals(late))
                .extracting(event -> event.payload().path("reason").asString()).containsExactly("ABANDONED");
    }
}

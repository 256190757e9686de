package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.queue.domain.LotteryDraw;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A queue with an opening time, over HTTP through the local runtime: arrivals before it wait without a position and
 * see the countdown; at the opening one seeded draw places them (QUEUE_LOTTERY_DRAWN, which replays to exactly the
 * places the users are shown); later arrivals queue behind them in arrival order. One token is admitted at a time
 * and none is released, so the places stay visible.
 */
@ExtendWith(MotoExtension.class)
class QueueLotteryIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int EARLY = 12;
    private static LocalRuntime runtime;
    private static GateClient gate;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        runtime = GateClient.startRuntime(endpoint, "lottery-",
                Map.of("QUEUE_ACTIVATION_BATCH_SIZE", "1", "QUEUE_MAX_ACTIVE", "1", "QUEUE_ACTIVE_WINDOW_SECONDS", "600"));
        gate = new GateClient(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void earlyArrivals_waitWithACountdown_thenTheRecordedDrawPlacesThem_andLaterArrivalsFollowInOrder() {
        Instant opensAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        gate.open("lottery-hall", opensAt);

        Map<String, String> early = new LinkedHashMap<>();
        for (int i = 1; i <= EARLY; i++) {
            String user = "early-" + i;
            early.put(user, gate.entered(user, "lottery-hall"));
        }
        JsonNode waiting = gate.status("early-1", early.get("early-1"));
        assertThat(waiting.has("position")).as("no position before the draw: " + waiting).isFalse();
        assertThat(Instant.parse(waiting.path("opensAt").asString())).isEqualTo(opensAt);
        assertThat(waiting.path("opensInSeconds").asLong()).isBetween(1L, 6L);
        assertThat(gate.nowServing("lottery-hall", null).body()).contains("\"lotteryDrawn\":false");

        Eventually.within(WAIT, () -> assertThat(gate.events(EventTypes.QUEUE_LOTTERY_DRAWN)).hasSize(1));
        String late1 = gate.entered("late-1", "lottery-hall");
        String late2 = gate.entered("late-2", "lottery-hall");

        EventEnvelope drawn = gate.events(EventTypes.QUEUE_LOTTERY_DRAWN).get(0);
        LotteryDraw replayed = new LotteryDraw(Long.parseLong(drawn.payload().path("seed").asString()),
                drawn.payload().path("size").asLong(), Instant.parse(drawn.payload().path("opensAt").asString()));
        assertThat(replayed.size()).as("every early arrival is in the draw, no one else").isEqualTo(EARLY);

        List<Long> arrivalOrderPlaces = new ArrayList<>();
        int seq = 1;
        for (Map.Entry<String, String> user : early.entrySet()) {
            JsonNode status = gate.status(user.getKey(), user.getValue());
            if (status.path("status").asString().equals("WAITING")) {
                assertThat(status.path("place").asLong()).as("the place the replayed draw gives " + user.getKey())
                        .isEqualTo(replayed.placeOf(seq));
                assertThat(status.path("position").asLong()).isPositive();
            }
            arrivalOrderPlaces.add(replayed.placeOf(seq));
            seq++;
        }
        assertThat(arrivalOrderPlaces).as("the draw is a permutation of the pre-queue")
                .containsExactlyInAnyOrderElementsOf(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L));
        assertThat(arrivalOrderPlaces).as("and not the arrival order (1 chance in 12! to be)")
                .isNotEqualTo(arrivalOrderPlaces.stream().sorted().toList());

        JsonNode first = gate.status("late-1", late1);
        JsonNode second = gate.status("late-2", late2);
        assertThat(first.path("place").asLong()).as("after the opening: behind the pre-queue, in order").isEqualTo(EARLY + 1);
        assertThat(second.path("place").asLong()).isEqualTo(EARLY + 2);
        assertThat(second.path("position").asLong()).isEqualTo(first.path("position").asLong() + 1);

        String firstAdmitted = "early-" + replayed.seqAt(1);
        Eventually.within(WAIT, () -> assertThat(gate.status(firstAdmitted, early.get(firstAdmitted)).path("status")
                .asString()).as("the draw's first place is admitted first").isEqualTo("ACTIVE"));
    }
}

package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.QueueArrivals;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ShardCounter;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.queue.function.QueueTick;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A queue whose enters spread over several counter shards: one line all the same, each enter admitted once. */
@ExtendWith(MotoExtension.class)
class ShardedQueueIT {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final QueuePolicy POLICY = new QueuePolicy(100, 1_000, Duration.ofMinutes(5), Duration.ofSeconds(10));
    private static final CounterShards EIGHT = new CounterShards(8);
    private static final int LOOPS = 8;
    private static final int ENTERS_PER_LOOP = 25;

    private static QueueFixture fixture;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = QueueFixture.withTables(endpoint);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void eightConcurrentEnterLoops_neverShareAPlaceOrLoseAnEnter_andTheActivationAdmitsEachExactlyOnce() throws Exception {
        QueueRepository queues = fixture.repository(CLOCK, EIGHT);
        new OpenQueueFunction(queues).apply(new OpenQueue("concert-stadium"));
        EnterQueueFunction enter = new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES);
        List<Callable<List<QueueTicket>>> loops = new ArrayList<>();
        for (int loop = 0; loop < LOOPS; loop++) {
            int first = loop * ENTERS_PER_LOOP;
            loops.add(() -> {
                List<QueueTicket> tickets = new ArrayList<>();
                for (int user = first; user < first + ENTERS_PER_LOOP; user++) {
                    tickets.add(enter.apply(new EnterQueue("concert-stadium", "fan-" + user)));
                }
                return tickets;
            });
        }

        List<QueueTicket> tickets = Concurrently.run(loops).stream().flatMap(List::stream).toList();

        int enters = LOOPS * ENTERS_PER_LOOP;
        assertThat(tickets).hasSize(enters).allMatch(QueueTicket::created);
        List<QueueToken> tokens = tickets.stream().map(ticket -> queues.findToken(ticket.token()).orElseThrow()).toList();
        assertThat(tokens).extracting(QueueToken::userId).doesNotHaveDuplicates().hasSize(enters);
        assertThat(tokens).extracting(QueueToken::seq).doesNotHaveDuplicates();
        assertThat(tickets).extracting(QueueTicket::position).doesNotHaveDuplicates();
        // no counter item took every enter: the shards shared them out evenly
        QueueArrivals arrivals = queues.findArrivals("concert-stadium").orElseThrow();
        assertThat(arrivals.shards()).hasSize(8).extracting(ShardCounter::issued).containsOnly((long) enters / 8);
        assertThat(arrivals.counter().issued()).isEqualTo(enters);

        ActivateQueueFunction activate = new ActivateQueueFunction(queues, POLICY, CLOCK);
        while (activate.apply(new QueueTick("concert-stadium")).activated() > 0) {
            // one batch a tick until nobody is left waiting
        }

        assertThat(tokens).allSatisfy(token ->
                assertThat(queues.findToken(token.token()).orElseThrow().status()).isEqualTo(TokenStatus.ACTIVE));
        Map<String, Long> activatedEvents = fixture.allEventsValidated(EventTypes.QUEUE_ACTIVATED).stream()
                .filter(event -> event.payload().path("concertId").asString().equals("concert-stadium"))
                .collect(Collectors.groupingBy(EventEnvelope::aggregateId, Collectors.counting()));
        assertThat(activatedEvents).hasSize(enters).containsOnlyKeys(tokens.stream().map(QueueToken::token).toList());
        assertThat(activatedEvents.values()).containsOnly(1L);
    }

    @Test
    void activation_passingRoundsAShardNeverHandedOut_raisesIt_soItsNextEnterLandsJustAfterTheWatermark() {
        // two instances, each taking the shards in turn from shard 0: shard 3 gets no enter at all
        QueueRepository firstInstance = fixture.repositoryFromShardZero(CLOCK, new CounterShards(4));
        QueueRepository secondInstance = fixture.repositoryFromShardZero(CLOCK, new CounterShards(4));
        new OpenQueueFunction(firstInstance).apply(new OpenQueue("concert-uneven"));
        List<QueueTicket> early = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            early.add(enterUneven(firstInstance, "early-fan-" + i));
            early.add(enterUneven(secondInstance, "other-early-fan-" + i));
        }

        new ActivateQueueFunction(firstInstance, POLICY, CLOCK).apply(new QueueTick("concert-uneven"));
        QueueTicket late = enterUneven(firstInstance, "late-fan");

        // seqs 1-3 and 5-7 were taken, seq 4 (shard 3's first round) was burned and the watermark stands at 7
        assertThat(early).extracting(ticket -> firstInstance.findToken(ticket.token()).orElseThrow().seq())
                .containsExactlyInAnyOrder(1L, 2L, 3L, 5L, 6L, 7L);
        assertThat(firstInstance.findToken(late.token()).orElseThrow().seq()).isEqualTo(8);
        assertThat(late.position()).isEqualTo(1);
    }

    private static QueueTicket enterUneven(QueueRepository queues, String userId) {
        return new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES).apply(new EnterQueue("concert-uneven", userId));
    }
}

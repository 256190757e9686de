package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.queue.domain.CounterShards;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.ActivationReport;
import io.ticketflow.queue.function.CloseQueue;
import io.ticketflow.queue.function.CloseQueueFunction;
import io.ticketflow.queue.function.QueueClosed;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An operator closes a queue and opens it again, against the emulator: what users and the activation notice. */
@ExtendWith(MotoExtension.class)
class QueueClosingIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private static final QueuePolicy POLICY = new QueuePolicy(3, 5, Duration.ofMinutes(5), Duration.ofSeconds(10));

    private static QueueFixture fixture;
    private static QueueRepository queues;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = QueueFixture.withTables(endpoint);
    }

    /** Each test runs on a queue of one counter and on one of 16 shards: an enter checks the mark on its own shard. */
    private static void withShards(int shards) {
        queues = fixture.repository(CLOCK, new CounterShards(shards));
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @ParameterizedTest(name = "{0} counter shard(s)")
    @ValueSource(ints = {1, CounterShards.STADIUM_COUNT})
    void closedQueue_refusesNewEntersWithQueueClosed_butTheUsersTokenIsStillFound(int shards) {
        withShards(shards);
        String concertId = "concert-closing-" + shards;
        List<QueueTicket> before = QueueFixture.queueOf(queues, POLICY, concertId, 1);
        long issuedBefore = issued(concertId);

        assertThat(close(concertId).closed()).isTrue();
        assertThat(close(concertId).closed()).as("closing again changes nothing").isFalse();

        for (int attempt = 0; attempt < 2 * shards; attempt++) {
            String lateUser = "late-user-" + attempt;
            assertThatThrownBy(() -> enter(concertId, lateUser))
                    .as("an enter on any shard is refused")
                    .isInstanceOfSatisfying(ProblemException.class,
                            problem -> assertThat(problem.type()).isEqualTo(QueueProblems.QUEUE_CLOSED));
        }
        assertThat(enter(concertId, concertId + "-user-0").token())
                .as("a user already in line keeps their token").isEqualTo(before.get(0).token());
        assertThat(issued(concertId)).as("the refusals took no place").isEqualTo(issuedBefore);
    }

    @ParameterizedTest(name = "{0} counter shard(s)")
    @ValueSource(ints = {1, CounterShards.STADIUM_COUNT})
    void closedQueue_admitsNoOne_andReopeningAdmitsTheWaitingInSeqOrder(int shards) {
        withShards(shards);
        String concertId = "concert-paused-" + shards;
        List<QueueTicket> waiting = QueueFixture.queueOf(queues, POLICY, concertId, 2);
        close(concertId);

        assertThat(activate(concertId).activated()).isZero();
        assertThat(statusOf(waiting.get(0))).isEqualTo(TokenStatus.WAITING);

        assertThat(new OpenQueueFunction(queues).apply(new OpenQueue(concertId)).opened()).isTrue();
        assertThat(new OpenQueueFunction(queues).apply(new OpenQueue(concertId)).opened())
                .as("opening an open queue changes nothing").isFalse();
        // with shards, the seqs below theirs that no enter took are burned on the way, a batch's worth per tick
        int admitted = 0;
        for (int tick = 0; tick < 2 * shards && admitted < 2; tick++) {
            admitted += activate(concertId).activated();
        }
        assertThat(admitted).isEqualTo(2);
        assertThat(waiting).allSatisfy(ticket -> assertThat(statusOf(ticket)).isEqualTo(TokenStatus.ACTIVE));
        long lastSeq = waiting.stream().mapToLong(ticket -> queues.findToken(ticket.token()).orElseThrow().seq()).max().orElseThrow();
        QueueTicket late = enter(concertId, "after-reopen");
        assertThat(queues.findToken(late.token()).orElseThrow().seq()).as("enters go on after the seqs issued")
                .isGreaterThan(lastSeq);
    }

    @Test
    void closingAQueueNeverOpened_isUnknownConcert_andWritesNothing() {
        withShards(CounterShards.STADIUM_COUNT);
        int items = fixture.itemCount();

        assertThatThrownBy(() -> close("concert-never"))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(QueueProblems.UNKNOWN_CONCERT));
        assertThat(fixture.itemCount()).isEqualTo(items);
    }

    private static QueueClosed close(String concertId) {
        return new CloseQueueFunction(queues).apply(new CloseQueue(concertId));
    }

    private static QueueTicket enter(String concertId, String userId) {
        return new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES).apply(new EnterQueue(concertId, userId));
    }

    private static ActivationReport activate(String concertId) {
        return new ActivateQueueFunction(queues, POLICY, CLOCK).apply(new QueueTick(concertId));
    }

    /** The highest seq handed out over all the queue's shards. */
    private static long issued(String concertId) {
        return queues.findArrivals(concertId).orElseThrow().counter().issued();
    }

    private static TokenStatus statusOf(QueueTicket ticket) {
        return queues.findToken(ticket.token()).orElseThrow().status();
    }
}

package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.problem.ProblemException;
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
        queues = fixture.repository(CLOCK);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void closedQueue_refusesNewEntersWithQueueClosed_butTheUsersTokenIsStillFound() {
        List<QueueTicket> before = QueueFixture.queueOf(queues, POLICY, "concert-closing", 1);

        assertThat(close("concert-closing").closed()).isTrue();
        assertThat(close("concert-closing").closed()).as("closing again changes nothing").isFalse();

        assertThatThrownBy(() -> enter("concert-closing", "late-user"))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(QueueProblems.QUEUE_CLOSED));
        assertThat(enter("concert-closing", "concert-closing-user-0").token())
                .as("a user already in line keeps their token").isEqualTo(before.get(0).token());
        assertThat(queues.findCounter("concert-closing").orElseThrow().issued()).as("the refusal took no place")
                .isEqualTo(1);
    }

    @Test
    void closedQueue_admitsNoOne_andReopeningAdmitsTheWaitingInSeqOrder() {
        List<QueueTicket> waiting = QueueFixture.queueOf(queues, POLICY, "concert-paused", 2);
        close("concert-paused");

        assertThat(activate("concert-paused").activated()).isZero();
        assertThat(statusOf(waiting.get(0))).isEqualTo(TokenStatus.WAITING);

        assertThat(new OpenQueueFunction(queues).apply(new OpenQueue("concert-paused")).opened()).isTrue();
        assertThat(new OpenQueueFunction(queues).apply(new OpenQueue("concert-paused")).opened())
                .as("opening an open queue changes nothing").isFalse();
        assertThat(activate("concert-paused").activated()).isEqualTo(2);
        assertThat(waiting).allSatisfy(ticket -> assertThat(statusOf(ticket)).isEqualTo(TokenStatus.ACTIVE));
        QueueTicket late = enter("concert-paused", "after-reopen");
        assertThat(queues.findToken(late.token()).orElseThrow().seq()).as("enters go on after the seqs issued")
                .isEqualTo(3);
    }

    @Test
    void closingAQueueNeverOpened_isUnknownConcert_andWritesNothing() {
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

    private static TokenStatus statusOf(QueueTicket ticket) {
        return queues.findToken(ticket.token()).orElseThrow().status();
    }
}

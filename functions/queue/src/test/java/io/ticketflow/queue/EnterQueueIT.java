package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueStatusFunction;
import io.ticketflow.queue.function.QueueStatusQuery;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class EnterQueueIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
    private static final QueuePolicy POLICY = new QueuePolicy(100, 1000, Duration.ofMinutes(5), Duration.ofSeconds(10));

    private static QueueFixture fixture;
    private static QueueRepository queues;
    private static EnterQueueFunction enter;
    private static QueueStatusFunction status;

    @BeforeAll
    static void createTables(EmulatorEndpoint endpoint) {
        fixture = QueueFixture.withTables(endpoint);
        queues = fixture.repository(CLOCK);
        enter = new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES);
        status = new QueueStatusFunction(queues, POLICY, QueueFixture.PASSES);
    }

    @AfterAll
    static void closeClients() {
        fixture.close();
    }

    @Test
    void firstEnter_openQueue_createsWaitingTokenAtPositionOneWithValidWaitingEvent() {
        open("concert-first");

        QueueTicket ticket = enter.apply(new EnterQueue("concert-first", "user-1"));

        assertThat(ticket.created()).isTrue();
        assertThat(ticket.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(ticket.position()).isEqualTo(1);
        assertThat(ticket.etaSeconds()).isEqualTo(10);
        assertThat(ticket.concertId()).isEqualTo("concert-first");
        List<EventEnvelope> events = fixture.events(ticket.token());
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.QUEUE_WAITING);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.payload().path("seq").asLong()).isEqualTo(1);
            assertThat(event.payload().path("userId").asString()).isEqualTo("user-1");
        });
        fixture.allEventsValidated();
    }

    @Test
    void secondEnter_sameUserAndConcert_returnsSameTokenNotCreatedAndWritesNoSecondEvent() {
        open("concert-twice");
        QueueTicket first = enter.apply(new EnterQueue("concert-twice", "user-1"));
        enter.apply(new EnterQueue("concert-twice", "user-2"));

        QueueTicket second = enter.apply(new EnterQueue("concert-twice", "user-1"));

        assertThat(second.token()).isEqualTo(first.token());
        assertThat(second.created()).isFalse();
        assertThat(second.position()).isEqualTo(1);
        assertThat(fixture.events(first.token())).hasSize(1);
        assertThat(queues.findCounter("concert-twice").orElseThrow().issued()).isEqualTo(2);
    }

    @Test
    void enter_unknownConcert_isUnknownConcertProblemAndWritesNothing() {
        int itemsBefore = fixture.itemCount();

        assertThatThrownBy(() -> enter.apply(new EnterQueue("no-such-concert", "user-1")))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo(QueueProblems.UNKNOWN_CONCERT));
        assertThat(fixture.itemCount()).isEqualTo(itemsBefore);
    }

    @Test
    void concurrentEnters_fiftyUsers_getFiftyDistinctConsecutiveSeqs() throws Exception {
        // distinct users: no transaction fails, so moto's snapshot restore on failure (see below) never runs
        open("concert-rush");
        List<Callable<QueueTicket>> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            EnterQueue command = new EnterQueue("concert-rush", "rush-user-" + i);
            entries.add(() -> enter.apply(command));
        }

        List<QueueTicket> tickets = Concurrently.run(entries);

        List<Long> seqs = tickets.stream().map(t -> queues.findToken(t.token()).orElseThrow().seq()).sorted().toList();
        assertThat(seqs).doesNotHaveDuplicates().hasSize(50);
        assertThat(seqs.get(0)).isEqualTo(1);
        assertThat(tickets).extracting(QueueTicket::position).doesNotHaveDuplicates();
        assertThat(fixture.allEventsValidated(EventTypes.QUEUE_WAITING))
                .filteredOn(e -> e.payload().path("concertId").asString().equals("concert-rush"))
                .hasSize(50);
    }

    @Test
    void enter_losingARaceToTheSameUsersOtherEnter_writesNothingAndReturnsTheWinnersToken() {
        // Sequential on purpose: moto restores a whole-table snapshot when a transaction fails, which can undo a
        // concurrent winner's commit, so a real race against moto would test the emulator, not this code.
        open("concert-double-click");
        QueueToken winner = QueueToken.waiting("winner-token", "impatient-user", "concert-double-click",
                queues.reservePlace("concert-double-click").orElseThrow().issued());
        QueueToken loser = QueueToken.waiting("loser-token", "impatient-user", "concert-double-click",
                queues.reservePlace("concert-double-click").orElseThrow().issued());
        assertThat(queues.insertWaiting(winner)).isEqualTo(QueueRepository.InsertOutcome.INSERTED);

        QueueRepository.InsertOutcome lost = queues.insertWaiting(loser);
        QueueTicket ticket = enter.apply(new EnterQueue("concert-double-click", "impatient-user"));

        assertThat(lost).isEqualTo(QueueRepository.InsertOutcome.USER_ALREADY_ENTERED);
        assertThat(queues.findToken("loser-token")).isEmpty();
        assertThat(fixture.events("loser-token")).isEmpty();
        assertThat(ticket.token()).isEqualTo("winner-token");
        assertThat(ticket.created()).isFalse();
    }

    @Test
    void status_ownWaitingToken_showsPositionBehindEarlierEntrants() {
        open("concert-status");
        enter.apply(new EnterQueue("concert-status", "user-1"));
        enter.apply(new EnterQueue("concert-status", "user-2"));
        QueueTicket third = enter.apply(new EnterQueue("concert-status", "user-3"));

        QueueTicket polled = status.apply(new QueueStatusQuery(third.token(), "user-3"));

        assertThat(polled.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(polled.position()).isEqualTo(3);
        assertThat(polled.activeUntil()).isNull();
    }

    @Test
    void status_tokenOfAnotherUser_isForbiddenProblem() {
        open("concert-stranger");
        QueueTicket ticket = enter.apply(new EnterQueue("concert-stranger", "owner"));

        assertThatThrownBy(() -> status.apply(new QueueStatusQuery(ticket.token(), "stranger")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(QueueProblems.QUEUE_TOKEN_OF_ANOTHER_USER);
                    assertThat(problem.type().status()).isEqualTo(403);
                });
    }

    @Test
    void status_unknownToken_isNotFoundProblem() {
        assertThatThrownBy(() -> status.apply(new QueueStatusQuery("no-such-token", "user-1")))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.type()).isEqualTo(QueueProblems.QUEUE_TOKEN_NOT_FOUND);
                    assertThat(problem.type().status()).isEqualTo(404);
                });
    }

    @Test
    void openQueue_twice_opensOnceAndListsTheConcertOnce() {
        OpenQueueFunction openQueue = new OpenQueueFunction(queues);

        boolean first = openQueue.apply(new OpenQueue("concert-reopened")).opened();
        boolean second = openQueue.apply(new OpenQueue("concert-reopened")).opened();

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(queues.openQueues()).containsOnlyOnce("concert-reopened");
    }

    private static void open(String concertId) {
        new OpenQueueFunction(queues).apply(new OpenQueue(concertId));
    }
}

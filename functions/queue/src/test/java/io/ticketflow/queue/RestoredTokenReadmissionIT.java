package io.ticketflow.queue;

import io.ticketflow.kernel.admission.AdmissionKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.ReadmissionPlan;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.ActivationReport;
import io.ticketflow.queue.function.QueueStatusFunction;
import io.ticketflow.queue.function.QueueStatusQuery;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.queue.function.QueueTick;
import io.ticketflow.queue.function.RestoreQueueToken;
import io.ticketflow.queue.function.RestoreQueueTokenFunction;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A token put back to WAITING by the booking saga (AuthorisePayment failed) sits behind the watermark: the
 * activation re-admits it first, within the batch and the active bound, once.
 */
@ExtendWith(MotoExtension.class)
class RestoredTokenReadmissionIT {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    /** At most three active at once, three per tick. */
    private static final QueuePolicy POLICY = new QueuePolicy(3, 3, WINDOW, Duration.ofSeconds(10));

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
    void restoredToken_waitsAtPositionOne_thenTheNextTickReadmitsItBeforeNewerTokens_once() {
        List<QueueTicket> tickets = queueOf("concert-readmit", 6);
        activate("concert-readmit");
        String restored = tickets.get(1).token();

        new RestoreQueueTokenFunction(queues).apply(new RestoreQueueToken(restored, "booking-1"));

        QueueTicket waiting = new QueueStatusFunction(queues, POLICY, QueueFixture.PASSES)
                .apply(new QueueStatusQuery(restored, "concert-readmit-user-1"));
        assertThat(waiting.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(waiting.position()).isEqualTo(1);
        assertThat(waiting.admissionPass()).as("a token back in line has no pass").isNull();
        assertThat(queues.findCounter("concert-readmit").orElseThrow().restored()).containsExactly(restored);

        ActivationReport first = activate("concert-readmit");
        ActivationReport second = activate("concert-readmit");

        assertThat(first.activated()).isEqualTo(1);
        assertThat(second.activated()).isZero();
        QueueToken readmitted = queues.findToken(restored).orElseThrow();
        assertThat(readmitted.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(readmitted.activeUntil()).isEqualTo(T0.plus(WINDOW));
        String pass = new QueueStatusFunction(queues, POLICY, QueueFixture.PASSES)
                .apply(new QueueStatusQuery(restored, "concert-readmit-user-1")).admissionPass();
        // the new pass names the re-activation (version 4), which the restore's revocation (3) does not reach
        assertThat(AdmissionKeys.verifier(QueueFixture.KEYS.properties()::get, () -> null).read(pass).activation()).isEqualTo(4);
        assertThat(statuses(tickets)).containsExactly(TokenStatus.ACTIVE, TokenStatus.ACTIVE, TokenStatus.ACTIVE,
                TokenStatus.WAITING, TokenStatus.WAITING, TokenStatus.WAITING);
        QueueCounter counter = queues.findCounter("concert-readmit").orElseThrow();
        assertThat(counter.activated()).isEqualTo(3);
        assertThat(counter.activeCount()).isEqualTo(3);
        assertThat(counter.restored()).isEmpty();
        assertThat(eventsOf(restored)).extracting(EventEnvelope::type, EventEnvelope::sequence).containsExactly(
                tuple(EventTypes.QUEUE_WAITING, 1L),
                tuple(EventTypes.QUEUE_ACTIVATED, 2L),
                tuple(EventTypes.QUEUE_RESTORED, 3L),
                tuple(EventTypes.QUEUE_ACTIVATED, 4L));
    }

    @Test
    void restoredTokens_areReadmittedWithinBatchAndMaxActive_andOnlyThenDoesTheWatermarkMove() {
        List<QueueTicket> tickets = queueOf("concert-bound", 8);
        activate("concert-bound");
        RestoreQueueTokenFunction restore = new RestoreQueueTokenFunction(queues);
        tickets.subList(0, 3).forEach(ticket -> restore.apply(new RestoreQueueToken(ticket.token(), "booking-1")));
        QueuePolicy smallBatch = new QueuePolicy(2, 3, WINDOW, Duration.ofSeconds(10));

        ActivationReport first = activate(smallBatch, "concert-bound");

        assertThat(first.activated()).isEqualTo(2);
        assertThat(statuses(tickets).subList(0, 4)).containsExactly(TokenStatus.ACTIVE, TokenStatus.ACTIVE,
                TokenStatus.WAITING, TokenStatus.WAITING);
        assertThat(new QueueStatusFunction(queues, smallBatch, QueueFixture.PASSES)
                .apply(new QueueStatusQuery(tickets.get(2).token(), "concert-bound-user-2")).position()).isEqualTo(1);

        ActivationReport second = activate(smallBatch, "concert-bound");
        ActivationReport full = activate(smallBatch, "concert-bound");

        assertThat(second.activated()).isEqualTo(1);
        assertThat(full.activated()).isZero();
        assertThat(statuses(tickets).subList(0, 4)).containsExactly(TokenStatus.ACTIVE, TokenStatus.ACTIVE,
                TokenStatus.ACTIVE, TokenStatus.WAITING);
        QueueCounter counter = queues.findCounter("concert-bound").orElseThrow();
        assertThat(counter.activeCount()).isEqualTo(3);
        assertThat(counter.activated()).isEqualTo(3);
        assertThat(fixture.allEventsValidated(EventTypes.QUEUE_ACTIVATED).stream()
                .filter(e -> e.payload().path("concertId").asString().equals("concert-bound"))).hasSize(6);
    }

    @Test
    void freePlacesLeftAfterTheReadmission_goToTheNextSeqsInTheSameTick() {
        List<QueueTicket> tickets = queueOf("concert-mixed", 6);
        activate("concert-mixed");
        RestoreQueueTokenFunction restore = new RestoreQueueTokenFunction(queues);
        restore.apply(new RestoreQueueToken(tickets.get(0).token(), "booking-1"));
        restore.apply(new RestoreQueueToken(tickets.get(2).token(), "booking-1"));
        QueuePolicy roomier = new QueuePolicy(3, 4, WINDOW, Duration.ofSeconds(10));

        ActivationReport report = activate(roomier, "concert-mixed");

        assertThat(report.activated()).isEqualTo(3);
        assertThat(statuses(tickets)).containsExactly(TokenStatus.ACTIVE, TokenStatus.ACTIVE, TokenStatus.ACTIVE,
                TokenStatus.ACTIVE, TokenStatus.WAITING, TokenStatus.WAITING);
        QueueCounter counter = queues.findCounter("concert-mixed").orElseThrow();
        assertThat(counter.activated()).isEqualTo(4);
        assertThat(counter.activeCount()).isEqualTo(4);
    }

    @Test
    void retriedReadmission_fromStaleReads_admitsNothingTwice() {
        List<QueueTicket> tickets = queueOf("concert-retry", 4);
        activate("concert-retry");
        String restored = tickets.get(0).token();
        new RestoreQueueTokenFunction(queues).apply(new RestoreQueueToken(restored, "booking-1"));
        QueueCounter read = queues.findCounter("concert-retry").orElseThrow();
        ReadmissionPlan plan = POLICY.readmissions(read, queues.tokens(read.restored()), T0);

        List<QueueToken> first = queues.readmit(plan);
        List<QueueToken> retried = queues.readmit(plan);
        ActivationReport tick = activate("concert-retry");

        assertThat(first).extracting(QueueToken::token).containsExactly(restored);
        assertThat(retried).isEmpty();
        assertThat(tick.activated()).isZero();
        QueueCounter counter = queues.findCounter("concert-retry").orElseThrow();
        assertThat(counter.activeCount()).isEqualTo(3);
        assertThat(counter.restored()).isEmpty();
        assertThat(eventsOf(restored)).filteredOn(e -> e.type().equals(EventTypes.QUEUE_ACTIVATED)).hasSize(2);
    }

    private static ActivationReport activate(String concertId) {
        return activate(POLICY, concertId);
    }

    private static ActivationReport activate(QueuePolicy policy, String concertId) {
        return new ActivateQueueFunction(queues, policy, CLOCK).apply(new QueueTick(concertId));
    }

    private static List<QueueTicket> queueOf(String concertId, int users) {
        return QueueFixture.queueOf(queues, POLICY, concertId, users);
    }

    private static List<TokenStatus> statuses(List<QueueTicket> tickets) {
        return tickets.stream().map(t -> queues.findToken(t.token()).orElseThrow().status()).toList();
    }

    private static List<EventEnvelope> eventsOf(String token) {
        return fixture.allEventsValidated().stream().filter(e -> e.aggregateId().equals(token))
                .sorted(Comparator.comparingLong(EventEnvelope::sequence)).toList();
    }
}

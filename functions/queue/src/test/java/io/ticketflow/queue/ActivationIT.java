package io.ticketflow.queue;

import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.admission.AdmissionPass;
import java.time.temporal.ChronoUnit;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.queue.domain.ActivationPlan;
import io.ticketflow.queue.domain.QueueCounter;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.ActivationReport;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.ExpireQueueTokensFunction;
import io.ticketflow.queue.function.ExpiryReport;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueStatusFunction;
import io.ticketflow.queue.function.QueueStatusQuery;
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

@ExtendWith(MotoExtension.class)
class ActivationIT {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    /** Small batches keep the emulator's transactions few; the bounds are the same code paths. */
    private static final QueuePolicy POLICY = new QueuePolicy(3, 5, WINDOW, Duration.ofSeconds(10));

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
    void activation_sevenWaiting_flipsExactlyTheFirstBatchInSeqOrderWithValidActivatedEvents() {
        List<QueueTicket> tickets = queueOf("concert-batch", 7);

        ActivationReport report = activate(POLICY, "concert-batch");

        assertThat(report.activated()).isEqualTo(3);
        assertThat(report.queues()).singleElement().satisfies(q -> assertThat(q.watermark()).isEqualTo(3));
        List<QueueToken> tokens = tokensOf(tickets);
        assertThat(tokens.subList(0, 3)).allSatisfy(token -> {
            assertThat(token.status()).isEqualTo(TokenStatus.ACTIVE);
            assertThat(token.activeUntil()).isEqualTo(T0.plus(WINDOW));
        });
        assertThat(tokens.subList(3, 7)).extracting(QueueToken::status).containsOnly(TokenStatus.WAITING);
        List<EventEnvelope> activated = activatedEventsOf("concert-batch");
        assertThat(activated).extracting(e -> e.payload().path("seq").asLong()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(activated).allSatisfy(event -> {
            assertThat(event.sequence()).isEqualTo(2);
            assertThat(event.payload().path("activeUntil").asString()).isEqualTo(T0.plus(WINDOW).toString());
        });
        QueueCounter counter = queues.findCounter("concert-batch").orElseThrow();
        assertThat(counter.activated()).isEqualTo(3);
        assertThat(counter.activeCount()).isEqualTo(3);
    }

    @Test
    void status_afterActivation_activeTokenAtZeroAndWaitingOneMovedUp() {
        List<QueueTicket> tickets = queueOf("concert-moves", 5);
        QueueStatusFunction status = new QueueStatusFunction(queues, POLICY, QueueFixture.PASSES);

        activate(POLICY, "concert-moves");

        QueueTicket first = status.apply(new QueueStatusQuery(tickets.get(0).token(), "concert-moves-user-0"));
        QueueTicket fifth = status.apply(new QueueStatusQuery(tickets.get(4).token(), "concert-moves-user-4"));
        assertThat(first.status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(first.position()).isZero();
        assertThat(first.activeUntil()).isEqualTo(T0.plus(WINDOW));
        assertThat(fifth.position()).isEqualTo(2);
        assertThat(fifth.etaSeconds()).isEqualTo(10);
    }

    @Test
    void status_ofAnActiveToken_carriesThePassTheServicesVerify_andAWaitingOneNone() {
        List<QueueTicket> tickets = queueOf("concert-pass", 5);
        QueueStatusFunction status = new QueueStatusFunction(queues, POLICY, QueueFixture.PASSES);

        activate(POLICY, "concert-pass");

        QueueTicket active = status.apply(new QueueStatusQuery(tickets.get(0).token(), "concert-pass-user-0"));
        QueueTicket waiting = status.apply(new QueueStatusQuery(tickets.get(4).token(), "concert-pass-user-4"));
        AdmissionPass pass = AdmissionKeys.verifier(QueueFixture.KEYS.properties()::get, () -> null).read(active.admissionPass());
        assertThat(pass).isEqualTo(new AdmissionPass("concert-pass-user-0", "concert-pass", tickets.get(0).token(), 2,
                T0.plus(WINDOW).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(pass.expiresAt()).isBeforeOrEqualTo(active.activeUntil());
        assertThat(waiting.admissionPass()).isNull();
    }

    @Test
    void activation_repeatedTicks_neverExceedMaxActive() {
        queueOf("concert-bounded", 9);

        activate(POLICY, "concert-bounded");
        ActivationReport second = activate(POLICY, "concert-bounded");
        ActivationReport third = activate(POLICY, "concert-bounded");

        assertThat(second.activated()).isEqualTo(2);
        assertThat(third.activated()).isZero();
        QueueCounter counter = queues.findCounter("concert-bounded").orElseThrow();
        assertThat(counter.activeCount()).isEqualTo(5);
        assertThat(counter.activated()).isEqualTo(5);
        assertThat(activatedEventsOf("concert-bounded")).hasSize(5);
    }

    @Test
    void activation_retriedWithThePlanOfAnEarlierTick_admitsNobodyTwice() {
        queueOf("concert-retried", 4);
        QueueCounter counter = queues.findCounter("concert-retried").orElseThrow();
        ActivationPlan plan = POLICY.plan(counter, queues.tokensAt("concert-retried", 1, 3), T0);
        assertThat(queues.apply(plan).admitted()).hasSize(3);

        ActivationPlan stale = POLICY.plan(counter, queues.tokensAt("concert-retried", 1, 3), T0.plusSeconds(10));
        List<QueueToken> admittedAgain = queues.apply(stale).admitted();

        assertThat(admittedAgain).isEmpty();
        assertThat(queues.findCounter("concert-retried").orElseThrow().activeCount()).isEqualTo(3);
        assertThat(activatedEventsOf("concert-retried")).hasSize(3);
    }

    @Test
    void activation_seqReservedButNotYetStored_isBurnedAndTheLateEnterTakesANewSeq() {
        open("concert-burn");
        queues.reservePlace("concert-burn");
        queueOf("concert-burn", 1, 2);

        ActivationReport report = activate(POLICY, "concert-burn");

        assertThat(report.activated()).isEqualTo(2);
        assertThat(queues.insertWaiting(QueueToken.waiting("late-token", "late-user", "concert-burn", 1)))
                .isEqualTo(QueueRepository.InsertOutcome.SEQ_BURNED);
        assertThat(queues.findToken("late-token")).isEmpty();
        QueueTicket late = new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES).apply(new EnterQueue("concert-burn", "late-user"));
        assertThat(late.created()).isTrue();
        assertThat(queues.findToken(late.token()).orElseThrow().seq()).isEqualTo(4);
    }

    @Test
    void expiry_activeTokensPastTheirWindow_expireWithValidEventsAndFreeTheirPlaces() {
        List<QueueTicket> tickets = queueOf("concert-expiry", 4);
        activate(POLICY, "concert-expiry");
        Clock afterWindow = Clock.fixed(T0.plus(WINDOW).plusSeconds(1), ZoneOffset.UTC);

        ExpiryReport report = new ExpireQueueTokensFunction(fixture.repository(afterWindow), afterWindow)
                .apply(new QueueTick("concert-expiry"));

        assertThat(report.expired()).isEqualTo(3);
        List<QueueToken> tokens = tokensOf(tickets);
        assertThat(tokens.subList(0, 3)).extracting(QueueToken::status).containsOnly(TokenStatus.EXPIRED);
        assertThat(tokens.get(3).status()).isEqualTo(TokenStatus.WAITING);
        assertThat(queues.findCounter("concert-expiry").orElseThrow().activeCount()).isZero();
        List<EventEnvelope> expired = fixture.allEventsValidated(EventTypes.QUEUE_EXPIRED).stream()
                .filter(e -> e.payload().path("concertId").asString().equals("concert-expiry")).toList();
        assertThat(expired).hasSize(3).allSatisfy(event -> {
            assertThat(event.payload().path("reason").asString()).isEqualTo("IDLE_TIMEOUT");
            assertThat(event.sequence()).isEqualTo(3);
        });
    }

    @Test
    void expiry_beforeTheWindowEnds_expiresNothing() {
        queueOf("concert-early", 2);
        activate(POLICY, "concert-early");
        Clock atWindowEnd = Clock.fixed(T0.plus(WINDOW), ZoneOffset.UTC);

        ExpiryReport report = new ExpireQueueTokensFunction(fixture.repository(atWindowEnd), atWindowEnd)
                .apply(new QueueTick("concert-early"));

        assertThat(report.expired()).isZero();
        assertThat(queues.findCounter("concert-early").orElseThrow().activeCount()).isEqualTo(2);
    }

    @Test
    void scheduledTick_withoutConcert_activatesEveryOpenQueue() {
        queueOf("concert-all-a", 1);
        queueOf("concert-all-b", 1);

        ActivationReport report = new ActivateQueueFunction(queues, POLICY, CLOCK).apply(QueueTick.allQueues());

        assertThat(report.queues()).extracting(ActivationReport.QueueActivation::concertId)
                .contains("concert-all-a", "concert-all-b");
        assertThat(queues.findCounter("concert-all-a").orElseThrow().activeCount()).isEqualTo(1);
        assertThat(queues.findCounter("concert-all-b").orElseThrow().activeCount()).isEqualTo(1);
    }

    private static ActivationReport activate(QueuePolicy policy, String concertId) {
        return new ActivateQueueFunction(queues, policy, CLOCK).apply(new QueueTick(concertId));
    }

    private static List<QueueTicket> queueOf(String concertId, int users) {
        return QueueFixture.queueOf(queues, POLICY, concertId, users);
    }

    private static List<QueueTicket> queueOf(String concertId, int firstUser, int users) {
        return QueueFixture.enter(queues, POLICY, concertId, firstUser, users);
    }

    private static void open(String concertId) {
        new OpenQueueFunction(queues).apply(new OpenQueue(concertId));
    }

    private static List<QueueToken> tokensOf(List<QueueTicket> tickets) {
        return tickets.stream().map(t -> queues.findToken(t.token()).orElseThrow()).toList();
    }

    private static List<EventEnvelope> activatedEventsOf(String concertId) {
        return fixture.allEventsValidated(EventTypes.QUEUE_ACTIVATED).stream()
                .filter(e -> e.payload().path("concertId").asString().equals(concertId))
                .toList();
    }
}

package io.ticketflow.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.queue.domain.ExpiryReason;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.domain.QueueToken;
import io.ticketflow.queue.domain.TokenStatus;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.EnterQueue;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.ExpireQueueToken;
import io.ticketflow.queue.function.ExpireQueueTokenFunction;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueTick;
import io.ticketflow.queue.function.QueueTokenChange;
import io.ticketflow.queue.function.RestoreQueueToken;
import io.ticketflow.queue.function.RestoreQueueTokenFunction;
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

/** The queue's booking saga steps against moto: expire a token now, or put it back in line; both idempotent. */
@ExtendWith(MotoExtension.class)
class QueueSagaStepsIT {

    private static final Instant T0 = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
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
    void expireQueueToken_activeToken_expiresItNowWithTheReasonAndFreesItsPlace_once() {
        String token = activeToken("concert-booked");
        ExpireQueueTokenFunction expire = new ExpireQueueTokenFunction(queues);

        QueueTokenChange first = expire.apply(new ExpireQueueToken(token, ExpiryReason.BOOKED));
        QueueTokenChange again = expire.apply(new ExpireQueueToken(token, ExpiryReason.BOOKED));

        assertThat(first).isEqualTo(new QueueTokenChange(token, TokenStatus.EXPIRED, true));
        assertThat(again).isEqualTo(new QueueTokenChange(token, TokenStatus.EXPIRED, false));
        assertThat(queues.findToken(token).orElseThrow().status()).isEqualTo(TokenStatus.EXPIRED);
        assertThat(queues.findCounter("concert-booked").orElseThrow().activeCount()).isZero();
        List<EventEnvelope> expired = eventsOf(token, EventTypes.QUEUE_EXPIRED);
        assertThat(expired).singleElement().satisfies(event -> {
            assertThat(event.payload().path("reason").asString()).isEqualTo("BOOKED");
            assertThat(event.sequence()).isEqualTo(3);
        });
    }

    @Test
    void expireQueueToken_holdExpired_carriesThatReason() {
        String token = activeToken("concert-hold-expired");

        new ExpireQueueTokenFunction(queues).apply(new ExpireQueueToken(token, ExpiryReason.HOLD_EXPIRED));

        assertThat(eventsOf(token, EventTypes.QUEUE_EXPIRED)).singleElement()
                .satisfies(event -> assertThat(event.payload().path("reason").asString()).isEqualTo("HOLD_EXPIRED"));
    }

    @Test
    void restoreQueueToken_activeToken_goesBackToWaitingAtItsSeqAndFreesItsPlace_once() {
        String token = activeToken("concert-restore");
        long seq = queues.findToken(token).orElseThrow().seq();
        RestoreQueueTokenFunction restore = new RestoreQueueTokenFunction(queues);

        QueueTokenChange first = restore.apply(new RestoreQueueToken(token, "booking-1"));
        QueueTokenChange again = restore.apply(new RestoreQueueToken(token, "booking-1"));

        assertThat(first).isEqualTo(new QueueTokenChange(token, TokenStatus.WAITING, true));
        assertThat(again.changed()).isFalse();
        QueueToken restored = queues.findToken(token).orElseThrow();
        assertThat(restored.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(restored.seq()).isEqualTo(seq);
        assertThat(restored.activeUntil()).isNull();
        assertThat(queues.findCounter("concert-restore").orElseThrow().activeCount()).isZero();
        assertThat(eventsOf(token, EventTypes.QUEUE_WAITING)).extracting(EventEnvelope::sequence).containsExactly(1L);
        assertThat(eventsOf(token, EventTypes.QUEUE_RESTORED)).extracting(EventEnvelope::sequence).containsExactly(3L);
    }

    @Test
    void restoreQueueToken_deliveredAgainAfterTheTokenWasReadmitted_leavesItActive_butAnotherBookingRestoresIt() {
        String token = activeToken("concert-readmitted");
        RestoreQueueTokenFunction restore = new RestoreQueueTokenFunction(queues);
        restore.apply(new RestoreQueueToken(token, "booking-1"));
        new ActivateQueueFunction(queues, POLICY, CLOCK).apply(new QueueTick("concert-readmitted"));
        assertThat(queues.findToken(token).orElseThrow().status()).as("re-admitted").isEqualTo(TokenStatus.ACTIVE);

        QueueTokenChange again = restore.apply(new RestoreQueueToken(token, "booking-1"));

        assertThat(again).isEqualTo(new QueueTokenChange(token, TokenStatus.ACTIVE, false));
        assertThat(queues.findToken(token).orElseThrow().status()).isEqualTo(TokenStatus.ACTIVE);
        assertThat(eventsOf(token, EventTypes.QUEUE_RESTORED)).hasSize(1);

        QueueTokenChange nextBooking = restore.apply(new RestoreQueueToken(token, "booking-2"));

        assertThat(nextBooking).isEqualTo(new QueueTokenChange(token, TokenStatus.WAITING, true));
        assertThat(eventsOf(token, EventTypes.QUEUE_RESTORED)).hasSize(2);
    }

    @Test
    void compensations_onAnUnknownOrAlreadyExpiredToken_haveNothingToUndo() {
        String token = activeToken("concert-nothing");
        new ExpireQueueTokenFunction(queues).apply(new ExpireQueueToken(token, ExpiryReason.BOOKED));

        QueueTokenChange restoreExpired = new RestoreQueueTokenFunction(queues).apply(new RestoreQueueToken(token, "booking-1"));
        QueueTokenChange unknown = new RestoreQueueTokenFunction(queues).apply(new RestoreQueueToken("no-such-token", "booking-1"));

        assertThat(restoreExpired).isEqualTo(new QueueTokenChange(token, TokenStatus.EXPIRED, false));
        assertThat(unknown).isEqualTo(new QueueTokenChange("no-such-token", null, false));
        assertThat(queues.findToken(token).orElseThrow().status()).isEqualTo(TokenStatus.EXPIRED);
    }

    private static String activeToken(String concertId) {
        new OpenQueueFunction(queues).apply(new OpenQueue(concertId));
        String token = new EnterQueueFunction(queues, POLICY, QueueFixture.PASSES).apply(new EnterQueue(concertId, concertId + "-user")).token();
        new ActivateQueueFunction(queues, POLICY, CLOCK).apply(new QueueTick(concertId));
        assertThat(queues.findToken(token).orElseThrow().status()).isEqualTo(TokenStatus.ACTIVE);
        return token;
    }

    private static List<EventEnvelope> eventsOf(String token, String type) {
        return fixture.allEventsValidated(type).stream().filter(e -> e.aggregateId().equals(token)).toList();
    }
}

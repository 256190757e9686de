package io.ticketflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.saga.PaymentDeclined;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentIntent;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentRequest;
import io.ticketflow.payment.domain.PaymentStatus;
import io.ticketflow.payment.function.AwaitPayment;
import io.ticketflow.payment.function.AwaitPaymentFunction;
import io.ticketflow.payment.function.CancelPayment;
import io.ticketflow.payment.function.CancelPaymentFunction;
import io.ticketflow.payment.function.GetPaymentFunction;
import io.ticketflow.payment.function.PaymentCancellation;
import io.ticketflow.payment.function.PaymentQuery;
import io.ticketflow.payment.function.PaymentReceipt;
import io.ticketflow.payment.function.PaymentView;
import io.ticketflow.payment.function.ProcessPayment;
import io.ticketflow.payment.function.ProcessPaymentFunction;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/** The saga steps of the Payment service against its tables on moto. */
@ExtendWith(MotoExtension.class)
class PaymentStepsIT {

    private static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static PaymentFixture fixture;
    private static PaymentRepository payments;
    private static AwaitPaymentFunction awaitPayment;
    private static ProcessPaymentFunction processPayment;
    private static CancelPaymentFunction cancelPayment;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = PaymentFixture.withTables(endpoint);
        payments = fixture.repository(CLOCK);
        awaitPayment = new AwaitPaymentFunction(payments, CLOCK);
        processPayment = new ProcessPaymentFunction(payments, CLOCK);
        cancelPayment = new CancelPaymentFunction(payments, CLOCK);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void awaitPayment_storesTheIntentWithTheTaskTokenUntilTheHoldEnds() {
        String reservationId = UUID.randomUUID().toString();

        var awaited = awaitPayment.apply(new AwaitPayment("token-1", reservationId, "user-1", "concert-1", 500L, "qt-1", 300L));

        assertThat(awaited.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(payments.findIntent(reservationId)).contains(
                new PaymentIntent(reservationId, "user-1", "concert-1", 500, "qt-1", "token-1", NOW.plusSeconds(300)));
    }

    @Test
    void awaitPayment_deliveredAgainLater_keepsTheFirstDeadline_whileANewTaskTokenReplacesIt() {
        String reservationId = UUID.randomUUID().toString();
        AwaitPayment wait = new AwaitPayment("token-1", reservationId, "user-1", "concert-1", 500L, "qt-1", 300L);
        awaitPayment.apply(wait);
        AwaitPaymentFunction later = new AwaitPaymentFunction(payments, Clock.offset(CLOCK, Duration.ofSeconds(40)));

        var again = later.apply(wait);
        var retried = later.apply(new AwaitPayment("token-2", reservationId, "user-1", "concert-1", 500L, "qt-1", 300L));

        assertThat(again.expiresAt()).as("the same wait delivered again").isEqualTo(NOW.plusSeconds(300));
        assertThat(retried.expiresAt()).as("a retried wait, with its new task token").isEqualTo(NOW.plusSeconds(340));
        assertThat(payments.findIntent(reservationId)).contains(
                new PaymentIntent(reservationId, "user-1", "concert-1", 500, "qt-1", "token-2", NOW.plusSeconds(340)));
    }

    @Test
    void processPayment_retried_returnsTheSamePayment_andWritesOneEvent() {
        String reservationId = waiting(500);

        PaymentReceipt first = processPayment.apply(new ProcessPayment(reservationId));
        PaymentReceipt retry = processPayment.apply(new ProcessPayment(reservationId));

        assertThat(retry).isEqualTo(first);
        assertThat(first).isEqualTo(new PaymentReceipt(Payment.idFor(reservationId), reservationId, 500, PaymentStatus.PROCESSED));
        assertThat(fixture.eventsValidated(reservationId)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.PAYMENT_PROCESSED);
            assertThat(event.aggregateId()).isEqualTo(first.paymentId());
            assertThat(event.payload().get("amount").longValue()).isEqualTo(500);
        });
    }

    @Test
    void processPayment_withoutIntent_declines_andWritesNothing() {
        String reservationId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> processPayment.apply(new ProcessPayment(reservationId))).isInstanceOf(PaymentDeclined.class);

        assertThat(payments.findPayment(Payment.idFor(reservationId))).isEmpty();
        assertThat(fixture.eventsValidated(reservationId)).isEmpty();
    }

    @Test
    void processPayment_afterTheHoldEnded_declines_andWritesNothing() {
        String reservationId = waiting(500);
        ProcessPaymentFunction late = new ProcessPaymentFunction(payments, Clock.offset(CLOCK, java.time.Duration.ofSeconds(300)));

        assertThatThrownBy(() -> late.apply(new ProcessPayment(reservationId))).isInstanceOf(PaymentDeclined.class);

        assertThat(payments.findPayment(Payment.idFor(reservationId))).isEmpty();
    }

    @Test
    void cancelPayment_withoutPayment_succeedsAsNoOp() {
        String reservationId = UUID.randomUUID().toString();

        PaymentCancellation outcome = cancelPayment.apply(new CancelPayment(reservationId, "PAYMENT_FAILED"));

        assertThat(outcome).isEqualTo(new PaymentCancellation(reservationId, null, "NO_PAYMENT"));
        assertThat(payments.findPayment(Payment.idFor(reservationId))).isEmpty();
    }

    @Test
    void cancelPayment_twice_cancelsOnce_withOneValidEvent_andProcessPaymentThenDeclines() {
        String reservationId = waiting(700);
        processPayment.apply(new ProcessPayment(reservationId));

        PaymentCancellation first = cancelPayment.apply(new CancelPayment(reservationId, "CONFIRMATION_FAILED"));
        PaymentCancellation again = cancelPayment.apply(new CancelPayment(reservationId, "CONFIRMATION_FAILED"));

        assertThat(first.outcome()).isEqualTo("CANCELLED");
        assertThat(again.outcome()).isEqualTo("ALREADY_CANCELLED");
        assertThat(payments.findPayment(Payment.idFor(reservationId))).get()
                .returns(PaymentStatus.CANCELLED, Payment::status)
                .returns(NOW, Payment::cancelledAt)
                .returns("CONFIRMATION_FAILED", Payment::reason);
        assertThat(fixture.eventsValidated(reservationId)).extracting(EventEnvelope::type, EventEnvelope::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventTypes.PAYMENT_PROCESSED, 1L),
                        org.assertj.core.groups.Tuple.tuple(EventTypes.PAYMENT_CANCELLED, 2L));
        assertThatThrownBy(() -> processPayment.apply(new ProcessPayment(reservationId))).isInstanceOf(PaymentDeclined.class);
    }

    @Test
    void cancelPayment_withMisspelledReason_stillCancels_withTheGenericReason() {
        String reservationId = waiting(100);
        processPayment.apply(new ProcessPayment(reservationId));

        cancelPayment.apply(new CancelPayment(reservationId, "because reasons"));

        assertThat(payments.findPayment(Payment.idFor(reservationId))).get().returns("BOOKING_FAILED", Payment::reason);
        assertThat(fixture.eventsValidated(reservationId)).hasSize(2);
    }

    @Test
    void getPayment_showsTheOwnerTheirPayment_andAnyoneElse404() {
        String reservationId = waiting(250);
        String paymentId = processPayment.apply(new ProcessPayment(reservationId)).paymentId();
        GetPaymentFunction get = new GetPaymentFunction(payments);

        PaymentView own = get.apply(new PaymentQuery(paymentId, "user-1"));

        assertThat(own).isEqualTo(new PaymentView(paymentId, reservationId, 250, PaymentStatus.PROCESSED, NOW, null, null));
        assertThatThrownBy(() -> get.apply(new PaymentQuery(paymentId, "user-2")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type().slug()).isEqualTo("payment-not-found"));
        assertThat(fixture.count(PaymentResources.PAYMENTS_TABLE)).isPositive();
    }

    @Test
    void awaitPayment_storesTheIntentForDynamoDbToDelete_aWeekAfterItsSagaMustHaveEnded() {
        String reservationId = waiting(100);

        Map<String, AttributeValue> intent = item(PaymentResources.INTENTS_TABLE, "reservationId", reservationId);

        // hold end (NOW + 300 s), plus the saga's one-day timeout, plus seven days
        assertThat(intent.get("purgeAt").n()).isEqualTo(Long.toString(NOW.plusSeconds(300).plus(Duration.ofDays(8)).getEpochSecond()));
        assertThat(ttlAttribute(PaymentResources.INTENTS_TABLE)).isEqualTo("purgeAt");
    }

    @Test
    void aRecordedPayRequest_isForDynamoDbToDelete_aWeekAfterItsSagaMustHaveEnded() {
        PaymentRequest request = new PaymentRequest("user-1", "key-" + UUID.randomUUID(), "reservation-1",
                UUID.randomUUID().toString(), null, NOW);

        assertThat(payments.recordFirst(request)).isEmpty();

        Map<String, AttributeValue> stored = item(PaymentResources.IDEMPOTENCY_TABLE, "requestKey", request.requestKey());
        assertThat(stored.get("purgeAt").n()).isEqualTo(Long.toString(NOW.plus(Duration.ofDays(8)).getEpochSecond()));
        assertThat(ttlAttribute(PaymentResources.IDEMPOTENCY_TABLE)).isEqualTo("purgeAt");
    }

    private static Map<String, AttributeValue> item(String table, String keyName, String key) {
        return fixture.aws.dynamoDb().getItem(r -> r.tableName(fixture.table(table))
                .key(Map.of(keyName, AttributeValue.fromS(key))).consistentRead(true)).item();
    }

    private static String ttlAttribute(String table) {
        TimeToLiveDescription ttl = fixture.aws.dynamoDb()
                .describeTimeToLive(r -> r.tableName(fixture.table(table))).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatusAsString()).isEqualTo("ENABLED");
        return ttl.attributeName();
    }

    private static String waiting(long amount) {
        String reservationId = UUID.randomUUID().toString();
        awaitPayment.apply(new AwaitPayment("token-" + reservationId, reservationId, "user-1", "concert-1", amount, "qt-1", 300L));
        return reservationId;
    }
}

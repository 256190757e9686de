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
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.payment.domain.CardPart;
import io.ticketflow.payment.function.AuthorisePayment;
import io.ticketflow.payment.function.CapturePayment;
import io.ticketflow.payment.function.CapturePaymentFunction;
import io.ticketflow.payment.function.AuthorisePaymentFunction;
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
    private static AuthorisePaymentFunction authorisePayment;
    private static CancelPaymentFunction cancelPayment;
    private static RecordingCardProvider cards;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = PaymentFixture.withTables(endpoint);
        payments = fixture.repository(CLOCK);
        awaitPayment = new AwaitPaymentFunction(payments, CLOCK);
        cards = new RecordingCardProvider();
        authorisePayment = new AuthorisePaymentFunction(payments, cards, CLOCK);
        cancelPayment = new CancelPaymentFunction(payments, cards, CLOCK);
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
    void authorisePayment_retried_returnsTheSamePayment_andWritesOneEvent() {
        String reservationId = waiting(500);

        PaymentReceipt first = authorisePayment.apply(allPoints(reservationId));
        PaymentReceipt retry = authorisePayment.apply(allPoints(reservationId));

        assertThat(retry).isEqualTo(first);
        assertThat(first).isEqualTo(new PaymentReceipt(Payment.idFor(reservationId), reservationId, 500, PaymentStatus.AUTHORISED));
        assertThat(fixture.eventsValidated(reservationId)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.PAYMENT_AUTHORISED);
            assertThat(event.aggregateId()).isEqualTo(first.paymentId());
            assertThat(event.payload().get("amount").longValue()).isEqualTo(500);
        });
    }

    @Test
    void authorisePayment_withoutIntent_declines_andWritesNothing() {
        String reservationId = UUID.randomUUID().toString();

        assertThatThrownBy(() -> authorisePayment.apply(allPoints(reservationId))).isInstanceOf(PaymentDeclined.class);

        assertThat(payments.findPayment(Payment.idFor(reservationId))).isEmpty();
        assertThat(fixture.eventsValidated(reservationId)).isEmpty();
    }

    @Test
    void authorisePayment_afterTheHoldEnded_declines_andWritesNothing() {
        String reservationId = waiting(500);
        AuthorisePaymentFunction late = new AuthorisePaymentFunction(payments, cards, Clock.offset(CLOCK, java.time.Duration.ofSeconds(300)));

        assertThatThrownBy(() -> late.apply(allPoints(reservationId))).isInstanceOf(PaymentDeclined.class);

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
    void cancelPayment_twice_cancelsOnce_withOneValidEvent_andAuthorisePaymentThenDeclines() {
        String reservationId = waiting(700);
        authorisePayment.apply(allPoints(reservationId));

        PaymentCancellation first = cancelPayment.apply(new CancelPayment(reservationId, "CONFIRMATION_FAILED"));
        PaymentCancellation again = cancelPayment.apply(new CancelPayment(reservationId, "CONFIRMATION_FAILED"));

        assertThat(first.outcome()).isEqualTo("CANCELLED");
        assertThat(again.outcome()).isEqualTo("ALREADY_CANCELLED");
        assertThat(payments.findPayment(Payment.idFor(reservationId))).get()
                .returns(PaymentStatus.CANCELLED, Payment::status)
                .returns(NOW, Payment::cancelledAt)
                .returns("CONFIRMATION_FAILED", Payment::reason);
        assertThat(fixture.eventsValidated(reservationId)).extracting(EventEnvelope::type, EventEnvelope::sequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventTypes.PAYMENT_AUTHORISED, 1L),
                        org.assertj.core.groups.Tuple.tuple(EventTypes.PAYMENT_CANCELLED, 2L));
        assertThatThrownBy(() -> authorisePayment.apply(allPoints(reservationId))).isInstanceOf(PaymentDeclined.class);
    }

    @Test
    void cancelPayment_withMisspelledReason_stillCancels_withTheGenericReason() {
        String reservationId = waiting(100);
        authorisePayment.apply(allPoints(reservationId));

        cancelPayment.apply(new CancelPayment(reservationId, "because reasons"));

        assertThat(payments.findPayment(Payment.idFor(reservationId))).get().returns("BOOKING_FAILED", Payment::reason);
        assertThat(fixture.eventsValidated(reservationId)).hasSize(2);
    }

    @Test
    void getPayment_showsTheOwnerTheirPayment_andAnyoneElse404() {
        String reservationId = waiting(250);
        String paymentId = authorisePayment.apply(allPoints(reservationId)).paymentId();
        GetPaymentFunction get = new GetPaymentFunction(payments);

        PaymentView own = get.apply(new PaymentQuery(paymentId, "user-1"));

        assertThat(own).isEqualTo(new PaymentView(paymentId, reservationId, 250, 250, 0, PaymentStatus.AUTHORISED, NOW, null, null));
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

    @Test
    void authorisePayment_withACardPart_authorisesItOnceUnderTheReservationsKey_andStoresTheReference() {
        String reservationId = waiting(500);

        PaymentReceipt first = authorisePayment.apply(split(reservationId, 200, "tok_approve"));
        PaymentReceipt retry = authorisePayment.apply(split(reservationId, 200, "tok_approve"));

        assertThat(retry).isEqualTo(first);
        assertThat(cards.calls).containsOnlyOnce("authorise " + reservationId + ":authorise 300");
        assertThat(payments.findPayment(first.paymentId())).get().satisfies(payment -> {
            assertThat(payment.pointsAmount()).isEqualTo(200);
            assertThat(payment.card()).isEqualTo(new CardPart(300, "tok_approve", "auth-" + reservationId + ":authorise",
                    null, null, null));
        });
        assertThat(fixture.eventsValidated(reservationId)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventTypes.PAYMENT_AUTHORISED);
            assertThat(event.payload().get("cardAmount").longValue()).isEqualTo(300);
        });
    }

    @Test
    void authorisePayment_declinedCard_declines_andStoresNothing() {
        String reservationId = waiting(500);

        assertThatThrownBy(() -> authorisePayment.apply(split(reservationId, 0, "tok_decline")))
                .isInstanceOf(PaymentDeclined.class);

        assertThat(payments.findPayment(Payment.idFor(reservationId))).isEmpty();
    }

    @Test
    void authorisePayment_providerWithoutAnswer_isTransient_andTheCompensationVoidsTheAuthorisationByItsKey() {
        String reservationId = waiting(500);

        assertThatThrownBy(() -> authorisePayment.apply(split(reservationId, 100, "tok_timeout")))
                .isInstanceOf(TransientStepError.class);
        PaymentCancellation undone = cancelPayment.apply(
                new CancelPayment(reservationId, "PAYMENT_FAILED", new CancelPayment.Split(400)));

        assertThat(undone.outcome()).isEqualTo("NO_PAYMENT");
        assertThat(cards.calls).contains("void " + reservationId + ":void");
    }

    @Test
    void capturePayment_takesTheCardPartOnce_andCancelPaymentThenRefundsIt() {
        String reservationId = waiting(500);
        authorisePayment.apply(split(reservationId, 100, "tok_approve"));
        CapturePaymentFunction capture = new CapturePaymentFunction(payments, cards);

        PaymentReceipt captured = capture.apply(new CapturePayment(reservationId));
        capture.apply(new CapturePayment(reservationId));
        PaymentCancellation refunded = cancelPayment.apply(new CancelPayment(reservationId, "BOOKING_CANCELLED"));

        assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(refunded.outcome()).isEqualTo("REFUNDED");
        assertThat(cards.calls).containsOnlyOnce("capture " + reservationId + ":capture")
                .containsOnlyOnce("refund " + reservationId + ":refund");
        assertThat(payments.findPayment(Payment.idFor(reservationId))).get().extracting(Payment::card)
                .returns("capture-" + reservationId + ":capture", CardPart::captureRef)
                .returns("refund-" + reservationId + ":refund", CardPart::refundRef);
        assertThat(fixture.eventsValidated(reservationId)).extracting(EventEnvelope::type).containsExactly(
                EventTypes.PAYMENT_AUTHORISED, EventTypes.PAYMENT_CAPTURED, EventTypes.PAYMENT_REFUNDED);
    }

    @Test
    void cancelPayment_ofAnAuthorisedCard_voidsIt() {
        String reservationId = waiting(500);
        authorisePayment.apply(split(reservationId, 0, "tok_approve"));

        PaymentCancellation voided = cancelPayment.apply(new CancelPayment(reservationId, "INSUFFICIENT_POINTS"));

        assertThat(voided.outcome()).isEqualTo("CANCELLED");
        assertThat(payments.findPayment(Payment.idFor(reservationId))).get().extracting(Payment::card)
                .returns("void-" + reservationId + ":void", CardPart::voidRef);
    }

    @Test
    void cancelPayment_whoseRefundFails_failsTheStep_andLeavesThePaymentCaptured() {
        String reservationId = waiting(500);
        authorisePayment.apply(split(reservationId, 0, "tok_refund_fails"));
        new CapturePaymentFunction(payments, cards).apply(new CapturePayment(reservationId));

        assertThatThrownBy(() -> cancelPayment.apply(new CancelPayment(reservationId, "BOOKING_CANCELLED")))
                .isInstanceOf(TransientStepError.class);

        assertThat(payments.findPayment(Payment.idFor(reservationId))).get()
                .returns(PaymentStatus.CAPTURED, Payment::status);
    }

    private static AuthorisePayment allPoints(String reservationId) {
        return new AuthorisePayment(reservationId, null);
    }

    private static AuthorisePayment split(String reservationId, long points, String card) {
        return new AuthorisePayment(reservationId, new AuthorisePayment.Split(points, card));
    }

    private static String waiting(long amount) {
        String reservationId = UUID.randomUUID().toString();
        awaitPayment.apply(new AwaitPayment("token-" + reservationId, reservationId, "user-1", "concert-1", amount, "qt-1", 300L));
        return reservationId;
    }
}

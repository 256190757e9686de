package io.ticketflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.events.EventEnvelope;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.payment.domain.BookingOutcome;
import io.ticketflow.payment.domain.BookingSaga;
import io.ticketflow.payment.domain.BookingStatus;
import io.ticketflow.payment.domain.BookingStep;
import io.ticketflow.payment.domain.ExecutionEvent;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.domain.PaymentStatus;
import io.ticketflow.payment.domain.StepStatus;
import io.ticketflow.payment.function.BookingQuery;
import io.ticketflow.payment.function.BookingStatusFunction;
import io.ticketflow.payment.function.BookingView;
import io.ticketflow.payment.function.Pay;
import io.ticketflow.payment.function.PayFunction;
import io.ticketflow.payment.function.PaymentAnswer;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import io.ticketflow.payment.adapter.StepFunctionsBookingSaga;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import tools.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.assertj.core.groups.Tuple;

/**
 * {@code POST /payments} against moto and a booking saga on the local Step Functions emulator, reached through the
 * real {@code SfnClient}.
 */
@ExtendWith(MotoExtension.class)
class PayIT {

    private static final Duration WAIT = Duration.ofSeconds(3);

    private static PaymentFixture fixture;
    private static PaymentRepository payments;
    private static TestSaga saga;
    private static PayFunction pay;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) {
        fixture = PaymentFixture.withTables(endpoint);
        payments = fixture.repository(Clock.systemUTC());
        saga = TestSaga.start(payments, Clock.systemUTC(), fixture.json);
        pay = new PayFunction(payments, fixture.admissions(), saga.bookingSaga(), Clock.systemUTC(), WAIT);
    }

    @AfterAll
    static void stop() {
        saga.close();
        fixture.close();
    }

    @Test
    void pay_forWaitingBookingWithActiveToken_confirmsWithPaymentAndOneProcessedEvent() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);

        PaymentAnswer answer = pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-1", fixture.passOf(token), null));

        assertThat(answer).isEqualTo(new PaymentAnswer("CONFIRMED", reservationId, Payment.idFor(reservationId), null));
        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(payments.findPayment(answer.paymentId())).get()
                .returns(PaymentStatus.AUTHORISED, Payment::status).returns(300L, Payment::amount);
        assertThat(fixture.eventsValidated(reservationId)).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.PAYMENT_AUTHORISED);
    }

    @Test
    void pay_withPointsOutsideThePrice_orACardPartWithoutCard_is422InvalidSplit_andTheSagaIsNotResumed() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        int resumesBefore = saga.sendTaskSuccessCalls();

        for (Pay invalid : List.of(
                new Pay(reservationId, PaymentFixture.USER, "key-over", fixture.passOf(token), null, 301L, "tok_approve"),
                new Pay(reservationId, PaymentFixture.USER, "key-card", fixture.passOf(token), null, 100L, null))) {
            assertThatThrownBy(() -> pay.apply(invalid)).isInstanceOfSatisfying(ProblemException.class, problem -> {
                assertThat(problem.type().slug()).isEqualTo("invalid-payment-split");
                assertThat(problem.type().status()).isEqualTo(422);
            });
        }

        assertThat(saga.sendTaskSuccessCalls()).isEqualTo(resumesBefore);
    }

    @Test
    void pay_repeatedWithSameKey_returnsSameAnswerWithoutResumingTheSagaAgain() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        int resumesBefore = saga.sendTaskSuccessCalls();

        PaymentAnswer first = pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-again", fixture.passOf(token), null));
        PaymentAnswer repeat = pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-again", fixture.passOf(token), null));

        assertThat(repeat).isEqualTo(first);
        assertThat(first.status()).isEqualTo(PaymentAnswer.CONFIRMED);
        assertThat(saga.sendTaskSuccessCalls() - resumesBefore).isEqualTo(1);
        assertThat(fixture.eventsValidated(reservationId)).hasSize(1);
    }

    @Test
    void pay_repeated_answersFromTheStoredRequest_withoutAskingTheSagaOnce() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        PaymentAnswer first = pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-replay", fixture.passOf(token), null));
        CountingSaga counting = new CountingSaga(saga.bookingSaga());
        PayFunction replayed = new PayFunction(payments, fixture.admissions(), counting, Clock.systemUTC(), WAIT);

        PaymentAnswer repeat = replayed.apply(new Pay(reservationId, PaymentFixture.USER, "key-replay", fixture.passOf(token), null));

        assertThat(first.status()).isEqualTo(PaymentAnswer.CONFIRMED);
        assertThat(repeat).isEqualTo(first);
        assertThat(counting.outcomeCalls).as("DescribeExecution calls of the repeat").isZero();
    }

    @Test
    void pay_repeatedWhileTheFirstAnswerWasStillProcessing_answers202AtOnce_withoutPollingTheSaga() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = "stalled-" + UUID.randomUUID();
        saga.book(reservationId, PaymentFixture.USER, 300, token, 300, payments);
        PayFunction impatient = new PayFunction(payments, fixture.admissions(), saga.bookingSaga(), Clock.systemUTC(),
                Duration.ofMillis(200));
        PaymentAnswer first = impatient.apply(new Pay(reservationId, PaymentFixture.USER, "key-slow-replay", fixture.passOf(token), null));
        CountingSaga counting = new CountingSaga(saga.bookingSaga());
        PayFunction replayed = new PayFunction(payments, fixture.admissions(), counting, Clock.systemUTC(), WAIT);

        PaymentAnswer repeat = replayed.apply(new Pay(reservationId, PaymentFixture.USER, "key-slow-replay", fixture.passOf(token), null));

        assertThat(first.status()).isEqualTo(PaymentAnswer.PROCESSING);
        assertThat(repeat).isEqualTo(new PaymentAnswer("PROCESSING", reservationId, null, null));
        assertThat(counting.outcomeCalls).as("DescribeExecution calls of the repeat").isZero();
    }

    @Test
    void pay_sameKeyEightTimesConcurrently_resumesTheSagaOnce_andMakesOnePayment() throws Exception {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        int resumesBefore = saga.sendTaskSuccessCalls();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<PaymentAnswer>> racing = IntStream.range(0, 8).mapToObj(i -> threads.submit(() -> {
                go.await();
                return pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-race", fixture.passOf(token), null));
            })).toList();
            go.countDown();
            for (Future<PaymentAnswer> answer : racing) {
                assertThat(answer.get().status()).isIn(PaymentAnswer.CONFIRMED, PaymentAnswer.PROCESSING);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(saga.awaitEnd(reservationId)).isEqualTo("SUCCEEDED");
        assertThat(saga.sendTaskSuccessCalls() - resumesBefore).isEqualTo(1);
        assertThat(fixture.eventsValidated(reservationId)).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.PAYMENT_AUTHORISED);
    }

    @Test
    void pay_whenPointsAreInsufficient_answersFailedWithTheSagaError_andThePaymentIsCancelled() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(TestSaga.BALANCE + 1, token);

        PaymentAnswer answer = pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-broke", fixture.passOf(token), null));

        assertThat(answer).isEqualTo(new PaymentAnswer("FAILED", reservationId, null, "InsufficientPoints"));
        assertThat(payments.findPayment(Payment.idFor(reservationId))).get()
                .returns(PaymentStatus.CANCELLED, Payment::status)
                .returns("INSUFFICIENT_POINTS", Payment::reason);
        assertThat(fixture.eventsValidated(reservationId)).extracting(EventEnvelope::type)
                .containsExactly(EventTypes.PAYMENT_AUTHORISED, EventTypes.PAYMENT_CANCELLED);
    }

    @Test
    void pay_whenTheBookingTakesLongerThanTheWait_answers202_thenBookingStatusShowsTheSteps() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = "slow-" + UUID.randomUUID();
        saga.book(reservationId, PaymentFixture.USER, 300, token, 300, payments);
        PayFunction impatient = new PayFunction(payments, fixture.admissions(), saga.bookingSaga(), Clock.systemUTC(),
                Duration.ofMillis(200));
        BookingStatusFunction status = new BookingStatusFunction(saga.bookingSaga());

        PaymentAnswer answer = impatient.apply(new Pay(reservationId, PaymentFixture.USER, "key-slow", fixture.passOf(token), null));
        BookingView running = status.apply(new BookingQuery(reservationId, PaymentFixture.USER));
        saga.releaseSlowBookings();
        saga.awaitEnd(reservationId);
        BookingView done = status.apply(new BookingQuery(reservationId, PaymentFixture.USER));

        assertThat(answer).isEqualTo(new PaymentAnswer("PROCESSING", reservationId, null, null));
        assertThat(answer.httpStatus()).isEqualTo(202);
        assertThat(answer.location()).isEqualTo("/bookings/" + reservationId);
        assertThat(running.status()).isEqualTo(BookingStatus.RUNNING);
        assertThat(running.steps()).extracting(BookingStep::name, BookingStep::status).containsExactly(
                Tuple.tuple("AwaitPayment", StepStatus.SUCCEEDED),
                Tuple.tuple("AuthorisePayment", StepStatus.SUCCEEDED),
                Tuple.tuple("DeductPoints", StepStatus.RUNNING));
        assertThat(done.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(done.steps()).extracting(BookingStep::name).containsExactly(
                "AwaitPayment", "AuthorisePayment", "DeductPoints", "BookingConfirmed");
        assertThat(done.steps()).allSatisfy(step -> assertThat(step.at()).isNotNull());
    }

    @Test
    void bookingStatus_ofAConfirmedBookingThenCancelled_isCancelled_andShowsTheCancellationsSteps() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-cancel", fixture.passOf(token), null));
        BookingStatusFunction status = new BookingStatusFunction(saga.bookingSaga());
        BookingView confirmed = status.apply(new BookingQuery(reservationId, PaymentFixture.USER));

        saga.cancel(reservationId, PaymentFixture.USER);
        BookingView cancelled = status.apply(new BookingQuery(reservationId, PaymentFixture.USER));

        assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(confirmed.cancellation()).isNull();
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.steps()).isEqualTo(confirmed.steps());
        assertThat(cancelled.cancellation().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.cancellation().steps()).extracting(BookingStep::name, BookingStep::status)
                .containsExactly(Tuple.tuple("BookingCancelled", StepStatus.SUCCEEDED));
    }

    @Test
    void bookingStatus_afterInsufficientPoints_showsTheFailedStepItsCompensationAndTheError() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(TestSaga.BALANCE + 5, token);
        pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-status", fixture.passOf(token), null));

        BookingView view = new BookingStatusFunction(saga.bookingSaga())
                .apply(new BookingQuery(reservationId, PaymentFixture.USER));

        assertThat(view.status()).isEqualTo(BookingStatus.FAILED);
        assertThat(view.error()).isEqualTo("InsufficientPoints");
        assertThat(view.steps()).extracting(BookingStep::name, BookingStep::status).containsExactly(
                Tuple.tuple("AwaitPayment", StepStatus.SUCCEEDED),
                Tuple.tuple("AuthorisePayment", StepStatus.SUCCEEDED),
                Tuple.tuple("DeductPoints", StepStatus.FAILED),
                Tuple.tuple("CancelPayment", StepStatus.SUCCEEDED),
                Tuple.tuple("InsufficientPoints", StepStatus.FAILED));
    }

    @Test
    void bookingStatus_ofAnotherUsersBookingOrNone_is404() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        BookingStatusFunction status = new BookingStatusFunction(saga.bookingSaga());

        assertProblem(() -> status.apply(new BookingQuery(reservationId, "user-else")), "booking-not-found");
        assertProblem(() -> status.apply(new BookingQuery("r-none", PaymentFixture.USER)), "booking-not-found");
    }

    @Test
    void pay_withoutAPass_isRefused403_andNothingIsWrittenNorResumed() {
        String reservationId = newBooking(300, "qt-never-admitted");
        int requestsBefore = fixture.count(PaymentResources.IDEMPOTENCY_TABLE);
        int resumesBefore = saga.sendTaskSuccessCalls();

        assertProblem(() -> pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-x", null, null)),
                "admission-pass-missing");

        assertThat(fixture.count(PaymentResources.IDEMPOTENCY_TABLE)).isEqualTo(requestsBefore);
        assertThat(saga.sendTaskSuccessCalls()).isEqualTo(resumesBefore);
        assertThat(payments.findPayment(Payment.idFor(reservationId))).isEmpty();
        assertThat(saga.bookingSaga().outcome(reservationId)).get()
                .returns(BookingStatus.RUNNING, outcome -> outcome.status());
    }

    @Test
    void pay_forSomeoneElsesReservation_is404_andNothingIsWritten() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        int requestsBefore = fixture.count(PaymentResources.IDEMPOTENCY_TABLE);

        assertProblem(() -> pay.apply(new Pay(reservationId, "user-else", "key-y", fixture.passOf(token), null)), "not-awaiting-payment");
        assertProblem(() -> pay.apply(new Pay("r-unknown", PaymentFixture.USER, "key-y", fixture.passOf(token), null)), "not-awaiting-payment");

        assertThat(fixture.count(PaymentResources.IDEMPOTENCY_TABLE)).isEqualTo(requestsBefore);
    }

    @Test
    void pay_beforeTheSagaStoredItsIntent_is409PaymentNotOpenWithRetryAfter_andTheSameRequestPaysOnceItHas() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = "late-" + UUID.randomUUID();
        saga.startBooking(reservationId, PaymentFixture.USER, 300, token, 60);
        int requestsBefore = fixture.count(PaymentResources.IDEMPOTENCY_TABLE);
        int resumesBefore = saga.sendTaskSuccessCalls();
        Pay early = new Pay(reservationId, PaymentFixture.USER, "key-not-open", fixture.passOf(token), null);

        assertThatThrownBy(() -> pay.apply(early)).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.type().slug()).isEqualTo("payment-not-open");
            assertThat(problem.type().status()).isEqualTo(409);
            assertThat(problem.retryAfter()).contains(Duration.ofSeconds(1));
        });
        assertProblem(() -> pay.apply(new Pay(reservationId, "user-else", "key-not-open", fixture.passOf(token), null)),
                "not-awaiting-payment");
        assertThat(fixture.count(PaymentResources.IDEMPOTENCY_TABLE)).isEqualTo(requestsBefore);
        assertThat(saga.sendTaskSuccessCalls()).isEqualTo(resumesBefore);

        saga.releaseLateWaits();
        saga.awaitIntent(reservationId, payments);

        assertThat(pay.apply(early).status()).isEqualTo(PaymentAnswer.CONFIRMED);
    }

    @Test
    void pay_afterTheHoldEnded_isRefused409_andNothingIsResumed() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        PayFunction late = new PayFunction(payments, fixture.admissions(), saga.bookingSaga(),
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)), WAIT);
        int resumesBefore = saga.sendTaskSuccessCalls();

        assertProblem(() -> late.apply(new Pay(reservationId, PaymentFixture.USER, "key-late", fixture.passOf(token), null)), "hold-expired");

        assertThat(saga.sendTaskSuccessCalls()).isEqualTo(resumesBefore);
    }

    @Test
    void pay_withAKeyUsedForAnotherReservation_isRefused422() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String first = newBooking(300, token);
        String second = newBooking(300, token);
        pay.apply(new Pay(first, PaymentFixture.USER, "key-shared", fixture.passOf(token), null));

        assertProblem(() -> pay.apply(new Pay(second, PaymentFixture.USER, "key-shared", fixture.passOf(token), null)), "idempotency-key-reused");
        assertThat(payments.findPayment(Payment.idFor(second))).isEmpty();
    }

    @Test
    void pay_withFaultToInject_handsItToTheSagaAsItsPaymentResult() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);

        pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-fault", fixture.passOf(token), "deductPoints"));
        saga.awaitEnd(reservationId);

        JsonNode output = fixture.json.readTree(saga.sfn.describeExecution(r -> r.executionArn(saga.executionArn(reservationId))).output());
        assertThat(output.get("payment").get("faultAt").stringValue()).isEqualTo("deductPoints");
        assertThat(output.get("payment").get("idempotencyKey").stringValue()).isEqualTo("key-fault");
        assertThat(output.get("payment").get("paymentRequestId").stringValue()).isNotBlank();
    }

    @Test
    void pay_whenResumingTheSagaFails_releasesTheKey_soItsRetryResumesTheSaga() {
        String token = fixture.admit("qt-" + UUID.randomUUID());
        String reservationId = newBooking(300, token);
        SfnClient unreachable = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        PayFunction cutOff = new PayFunction(payments, fixture.admissions(),
                new StepFunctionsBookingSaga(unreachable, saga.stateMachineArn, saga.cancellationArn, fixture.json), Clock.systemUTC(), WAIT);

        assertThatThrownBy(() -> cutOff.apply(new Pay(reservationId, PaymentFixture.USER, "key-retry", fixture.passOf(token), null)))
                .isInstanceOf(SdkClientException.class);
        PaymentAnswer retried = pay.apply(new Pay(reservationId, PaymentFixture.USER, "key-retry", fixture.passOf(token), null));

        assertThat(retried.status()).isEqualTo(PaymentAnswer.CONFIRMED);
        unreachable.close();
    }

    private static String newBooking(long totalPrice, String token) {
        String reservationId = UUID.randomUUID().toString();
        saga.book(reservationId, PaymentFixture.USER, totalPrice, token, 60, payments);
        return reservationId;
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String slug) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.type().slug()).isEqualTo(slug));
    }

    /** The real saga adapter, counting how often {@code POST /payments} asks for an execution's outcome. */
    private static final class CountingSaga implements BookingSaga {

        private final BookingSaga saga;
        private int outcomeCalls;

        CountingSaga(BookingSaga saga) {
            this.saga = saga;
        }

        @Override
        public boolean resume(String taskToken, ResumeSignal signal) {
            return saga.resume(taskToken, signal);
        }

        @Override
        public java.util.Optional<BookingOutcome> outcome(String reservationId) {
            outcomeCalls++;
            return saga.outcome(reservationId);
        }

        @Override
        public List<ExecutionEvent> history(String reservationId) {
            return saga.history(reservationId);
        }

        @Override
        public java.util.Optional<BookingOutcome> cancellation(String reservationId) {
            return saga.cancellation(reservationId);
        }

        @Override
        public List<ExecutionEvent> cancellationHistory(String reservationId) {
            return saga.cancellationHistory(reservationId);
        }
    }
}

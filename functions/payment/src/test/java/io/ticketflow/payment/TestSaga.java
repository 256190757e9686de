package io.ticketflow.payment;

import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.local.stepfunctions.StepFunctionsHttpEndpoint;
import io.ticketflow.local.stepfunctions.TaskFailure;
import io.ticketflow.payment.adapter.StepFunctionsBookingSaga;
import io.ticketflow.payment.domain.BookingSaga;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.function.AwaitPayment;
import io.ticketflow.payment.function.AwaitPaymentFunction;
import io.ticketflow.payment.function.CancelPayment;
import io.ticketflow.payment.function.CancelPaymentFunction;
import io.ticketflow.payment.function.AuthorisePayment;
import io.ticketflow.payment.function.AuthorisePaymentFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A slice of the booking saga on the local Step Functions emulator, reached by the real {@link SfnClient}: the
 * payment wait ({@code waitForTaskToken}, timeout = hold time) runs the real {@code awaitPayment}, then the real
 * {@code authorisePayment}; {@code deductPoints} stands in for the Point service (a balance of
 * {@value #BALANCE} points; a reservation id starting with {@code slow-} waits for {@link #releaseSlowBookings()},
 * one starting with {@code stalled-} for the end of the test, at most 10 s),
 * and its failure is compensated by the real {@code cancelPayment}. The payment wait of a reservation id starting
 * with {@code late-} stores its intent only after {@link #releaseLateWaits()}.
 */
public final class TestSaga implements AutoCloseable {

    public static final long BALANCE = 1000;

    static final String DEFINITION = """
            {"Comment": "payment slice of the booking saga", "StartAt": "AwaitPayment", "States": {
              "AwaitPayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "awaitPayment", "Payload": {
                  "taskToken.$": "$$.Task.Token", "reservationId.$": "$.reservationId", "userId.$": "$.userId",
                  "concertId.$": "$.concertId", "totalPrice.$": "$.totalPrice", "queueToken.$": "$.queueToken",
                  "holdSeconds.$": "$.holdSeconds"}},
                "TimeoutSecondsPath": "$.holdSeconds", "ResultPath": "$.payment", "Next": "AuthorisePayment",
                "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error", "Next": "HoldExpired"}]},
              "AuthorisePayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "authorisePayment", "Payload.$": "$"},
                "ResultSelector": {"paymentId.$": "$.Payload.paymentId"}, "ResultPath": "$.processed",
                "Next": "DeductPoints",
                "Catch": [{"ErrorEquals": ["io.ticketflow.kernel.saga.PaymentDeclined"], "ResultPath": "$.error",
                           "Next": "PaymentFailed"}]},
              "DeductPoints": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "deductPoints", "Payload.$": "$"}, "ResultPath": null,
                "Next": "BookingConfirmed",
                "Catch": [{"ErrorEquals": ["io.ticketflow.kernel.saga.InsufficientPoints"], "ResultPath": "$.error",
                           "Next": "CancelPayment"}]},
              "CancelPayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "cancelPayment",
                               "Payload": {"reservationId.$": "$.reservationId", "reason": "INSUFFICIENT_POINTS"}},
                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2, "IntervalSeconds": 1}],
                "ResultPath": null, "Next": "InsufficientPoints"},
              "InsufficientPoints": {"Type": "Fail", "Error": "InsufficientPoints", "Cause": "not enough points"},
              "PaymentFailed": {"Type": "Fail", "Error": "PaymentFailed", "Cause": "the payment was declined"},
              "HoldExpired": {"Type": "Fail", "Error": "HoldExpired", "Cause": "nobody paid in time"},
              "BookingConfirmed": {"Type": "Succeed"}}}
            """;

    private final StepFunctionsEmulator emulator;
    private final StepFunctionsHttpEndpoint endpoint;
    private final JsonMapper json;
    private final AtomicInteger sendTaskSuccessCalls = new AtomicInteger();
    private final CountDownLatch slowBookings = new CountDownLatch(1);
    /** Never released before {@link #close()}: a {@code stalled-} booking stays RUNNING for the whole test. */
    private final CountDownLatch stalledBookings = new CountDownLatch(1);
    private final CountDownLatch lateWaits = new CountDownLatch(1);
    public final SfnClient sfn;
    public final String stateMachineArn;
    /** A stand-in for the cancellation saga: it succeeds at once. */
    public final String cancellationArn;

    private TestSaga(PaymentRepository payments, Clock clock, JsonMapper json) throws IOException {
        this.json = json;
        RecordingCardProvider cards = new RecordingCardProvider();
        Map<String, Function<JsonNode, Object>> functions = Map.of(
                "awaitPayment", in -> {
                    holdBack(in, "late-", lateWaits);
                    return new AwaitPaymentFunction(payments, clock).apply(json.treeToValue(in, AwaitPayment.class));
                },
                "authorisePayment", in -> new AuthorisePaymentFunction(payments, cards, clock)
                        .apply(json.treeToValue(in, AuthorisePayment.class)),
                "cancelPayment", in -> new CancelPaymentFunction(payments, cards, clock)
                        .apply(json.treeToValue(in, CancelPayment.class)),
                "deductPoints", this::deductPoints);
        this.emulator = StepFunctionsEmulator.builder()
                .taskInvoker((name, payload) -> {
                    Function<JsonNode, Object> function = functions.get(name);
                    if (function == null) {
                        throw new TaskFailure("Lambda.ResourceNotFoundException", "no function " + name);
                    }
                    return json.valueToTree(function.apply(payload));
                })
                .build();
        this.endpoint = StepFunctionsHttpEndpoint.start(emulator, 0);
        this.sfn = SfnClient.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config -> config.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        if (context.request() instanceof SendTaskSuccessRequest) {
                            sendTaskSuccessCalls.incrementAndGet();
                        }
                    }
                }))
                .build();
        this.stateMachineArn = sfn.createStateMachine(r -> r.name("booking-saga").definition(DEFINITION)
                .roleArn("arn:aws:iam::123456789012:role/booking-saga")).stateMachineArn();
        this.cancellationArn = sfn.createStateMachine(r -> r.name("booking-cancellation")
                .definition("{\"StartAt\": \"BookingCancelled\", \"States\": {\"BookingCancelled\": {\"Type\": \"Succeed\"}}}")
                .roleArn("arn:aws:iam::123456789012:role/booking-cancellation")).stateMachineArn();
    }

    /** Cancels a booking as Reservation's cancelBooking does, and waits until the cancellation has ended. */
    public void cancel(String reservationId, String userId) {
        String input = json.writeValueAsString(json.createObjectNode().put("reservationId", reservationId)
                .put("userId", userId).put("totalPrice", 300));
        sfn.startExecution(r -> r.stateMachineArn(cancellationArn).name(reservationId).input(input));
        try {
            emulator.awaitCompletion(cancellationArn.replace(":stateMachine:", ":execution:") + ":" + reservationId,
                    Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new AssertionError("cancellation of " + reservationId + " did not end", e);
        }
    }

    public static TestSaga start(PaymentRepository payments, Clock clock, JsonMapper json) {
        try {
            return new TestSaga(payments, clock, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BookingSaga bookingSaga() {
        return new StepFunctionsBookingSaga(sfn, stateMachineArn, cancellationArn, json);
    }

    /** Starts a booking as Reservation's holdSeats does, and waits until its payment wait has begun. */
    public void book(String reservationId, String userId, long totalPrice, String queueToken, long holdSeconds,
                     PaymentRepository payments) {
        startBooking(reservationId, userId, totalPrice, queueToken, holdSeconds);
        awaitIntent(reservationId, payments);
    }

    /** Starts a booking as Reservation's holdSeats does, without waiting for anything. */
    public void startBooking(String reservationId, String userId, long totalPrice, String queueToken, long holdSeconds) {
        String input = json.writeValueAsString(json.createObjectNode()
                .put("reservationId", reservationId).put("userId", userId).put("concertId", PaymentFixture.CONCERT)
                .put("scheduleId", "schedule-1-1").put("totalPrice", totalPrice).put("queueToken", queueToken)
                .put("holdSeconds", holdSeconds)
                .set("seatNos", json.createArrayNode().add(7)));
        sfn.startExecution(r -> r.stateMachineArn(stateMachineArn).name(reservationId).input(input));
    }

    /** Waits until the booking's payment wait has begun: its intent is stored. */
    public void awaitIntent(String reservationId, PaymentRepository payments) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (payments.findIntent(reservationId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the saga of " + reservationId + " never began to wait for its payment");
            }
            pause(Duration.ofMillis(10));
        }
    }

    public String executionArn(String reservationId) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + reservationId;
    }

    /** Waits for the execution to end and returns its status, e.g. {@code SUCCEEDED}. */
    public String awaitEnd(String reservationId) {
        try {
            return emulator.awaitCompletion(executionArn(reservationId), Duration.ofSeconds(10)).status().name();
        } catch (Exception e) {
            throw new AssertionError("execution " + reservationId + " did not end", e);
        }
    }

    public int sendTaskSuccessCalls() {
        return sendTaskSuccessCalls.get();
    }

    public void releaseSlowBookings() {
        slowBookings.countDown();
    }

    public void releaseLateWaits() {
        lateWaits.countDown();
    }

    private static void holdBack(JsonNode state, String prefix, CountDownLatch release) {
        if (state.path("reservationId").asString().startsWith(prefix)) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Object deductPoints(JsonNode state) {
        holdBack(state, "slow-", slowBookings);
        holdBack(state, "stalled-", stalledBookings);
        if (state.path("totalPrice").asLong() > BALANCE) {
            throw new InsufficientPoints("balance " + BALANCE + " < " + state.path("totalPrice").asLong());
        }
        return json.createObjectNode().put("balance", BALANCE - state.path("totalPrice").asLong());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        releaseSlowBookings();
        stalledBookings.countDown();
        releaseLateWaits();
        sfn.close();
        endpoint.close();
        emulator.close();
    }
}

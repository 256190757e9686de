package io.ticketflow.payment;

import static io.ticketflow.kernel.testing.LambdaInvocations.PROXY_MEMBERS;
import static io.ticketflow.kernel.testing.LambdaInvocations.lambdaEnvironment;
import static io.ticketflow.kernel.testing.LambdaInvocations.resource;
import static io.ticketflow.kernel.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.events.EventTypes;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.testing.LambdaInvocations;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.local.stepfunctions.StepFunctionsHttpEndpoint;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.testing.TestPasses;
import io.ticketflow.payment.domain.Payment;
import io.ticketflow.testsupport.EmulatorEndpoint;
import io.ticketflow.testsupport.MotoExtension;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recorded Lambda events through Spring Cloud Function's {@link FunctionInvoker}, the path Lambda (and the local
 * runtime) take, with {@link PaymentFunctions} as the start class, moto behind the tables and the local Step
 * Functions emulator behind {@code TICKETFLOW_SFN_ENDPOINT}. The emulator's tasks run the task functions through
 * {@link FunctionInvoker} too, with payloads shaped as {@code statemachine/booking-saga.asl.json} shapes them (the
 * wait's payload exactly; AuthorisePayment's with the saga's whole state, fields the function does not know included).
 */
@ExtendWith(MotoExtension.class)
class PaymentFunctionsContractIT {

    private static final LambdaInvocations LAMBDA = new LambdaInvocations();
    private static final String SAGA = """
            {"StartAt": "AwaitPayment", "States": {
              "AwaitPayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters": {"FunctionName": "${AwaitPaymentFunctionArn}", "Payload": {
                  "taskToken.$": "$$.Task.Token", "reservationId.$": "$.reservationId", "userId.$": "$.userId",
                  "concertId.$": "$.concertId", "scheduleId.$": "$.scheduleId", "seatNos.$": "$.seatNos",
                  "amount.$": "$.totalPrice", "queueToken.$": "$.queueToken", "holdSeconds.$": "$.holdSeconds",
                  "executionArn.$": "$$.Execution.Id"}},
                "TimeoutSecondsPath": "$.holdSeconds", "ResultPath": "$.payment", "Next": "AuthorisePayment"},
              "AuthorisePayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "${AuthorisePaymentFunctionArn}", "Payload.$": "$"},
                "ResultSelector": {"paymentId.$": "$.Payload.paymentId"}, "ResultPath": "$.processed",
                "Next": "BookingConfirmed"},
              "BookingConfirmed": {"Type": "Succeed"}}}
            """;
    private static final String POISON_MESSAGE_ID = "2e1424d4-f796-459a-8184-9c92662be6da";

    private static PaymentFixture fixture;
    private static StepFunctionsEmulator emulator;
    private static StepFunctionsHttpEndpoint sfnEndpoint;
    private static SfnClient sfn;
    private static String sagaArn;

    @BeforeAll
    static void start(EmulatorEndpoint endpoint) throws IOException {
        fixture = PaymentFixture.withTables(endpoint);
        emulator = StepFunctionsEmulator.builder()
                .taskInvoker((name, payload) -> LAMBDA.invoke(name, fixture.json.writeValueAsBytes(payload)))
                .build();
        sfnEndpoint = StepFunctionsHttpEndpoint.start(emulator, 0);
        sfn = SfnClient.builder().endpointOverride(sfnEndpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String definition = SAGA
                .replace("${AwaitPaymentFunctionArn}", "arn:aws:lambda:us-east-1:123456789012:function:" + PaymentResources.AWAIT_PAYMENT)
                .replace("${AuthorisePaymentFunctionArn}", "arn:aws:lambda:us-east-1:123456789012:function:" + PaymentResources.AUTHORISE_PAYMENT);
        sagaArn = sfn.createStateMachine(r -> r.name("booking-saga").definition(definition)
                .roleArn("arn:aws:iam::123456789012:role/booking-saga")).stateMachineArn();
        // what the Lambda environment would carry; FunctionInvoker's Environment sees system properties
        lambdaEnvironment(PaymentFunctions.class, fixture.settings);
        System.setProperty(PaymentSettings.BOOKING_SAGA_ARN, sagaArn);
        System.setProperty(PaymentSettings.BOOKING_CANCELLATION_ARN, sagaArn.replace(":booking-saga", ":booking-cancellation"));
        System.setProperty(AwsSettings.SFN_ENDPOINT, sfnEndpoint.endpoint().toString());
        // these bookings are paid in points alone: the card provider is never called
        System.setProperty(PaymentSettings.PROVIDER_URL, "http://127.0.0.1:9/provider");
        fixture.passKeys().forEach(System::setProperty);
        // as the local runtime sets it; only requested faults fire
        System.setProperty(PaymentSettings.FAULT_INJECTION, "enabled");
    }

    @AfterAll
    static void stop() {
        sfn.close();
        sfnEndpoint.close();
        emulator.close();
        fixture.close();
    }

    @Test
    void admissionConsumer_recordedBatch_revokesThePass_andReportsOnlyThePoisonMessage_evenWhenRedelivered() {
        String pass = fixture.passOf(fixture.admit("qt-contract-expired"));
        JsonNode first = LAMBDA.invoke(PaymentResources.ADMISSION_CONSUMER, resource("sqs-queue-expired-and-poison.json"));
        JsonNode redelivered = LAMBDA.invoke(PaymentResources.ADMISSION_CONSUMER, resource("sqs-queue-expired-and-poison.json"));

        assertThat(first.toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + POISON_MESSAGE_ID + "\"}]}");
        assertThat(redelivered).isEqualTo(first);
        assertThatThrownBy(() -> fixture.admissions().admit(pass, "user-42", "concert-1", Instant.now()))
                .isInstanceOf(ProblemException.class).hasMessageContaining("revoked");
    }

    @Test
    void pay_getPayment_bookingStatus_overTheWire_confirmTheBookingAndShowItsPaymentAndSteps() {
        startBooking("r-contract");

        JsonNode paid = LAMBDA.invoke(PaymentResources.PAY, fixture.json.writeValueAsBytes(payEvent()));
        JsonNode repeated = LAMBDA.invoke(PaymentResources.PAY, fixture.json.writeValueAsBytes(payEvent()));
        String paymentId = Payment.idFor("r-contract");
        JsonNode payment = LAMBDA.invoke(PaymentResources.GET_PAYMENT, withPathParameter("apigw-v2-get-payment.json",
                "paymentId", paymentId, "/payments/" + paymentId));
        JsonNode booking = LAMBDA.invoke(PaymentResources.BOOKING_STATUS, resource("apigw-v2-booking-status.json"));

        assertThat(paid.propertyNames()).containsExactlyElementsOf(PROXY_MEMBERS);
        assertThat(paid.get("statusCode").intValue()).isEqualTo(200);
        assertThat(paid.get("headers").get("content-type").stringValue()).isEqualTo("application/json");
        assertThat(LAMBDA.body(paid)).isEqualTo(fixture.json.createObjectNode()
                .put("status", "CONFIRMED").put("reservationId", "r-contract").put("paymentId", paymentId));
        assertThat(LAMBDA.body(repeated)).isEqualTo(LAMBDA.body(paid));
        assertThat(payment.get("statusCode").intValue()).isEqualTo(200);
        assertThat(LAMBDA.body(payment).get("status").stringValue()).isEqualTo("AUTHORISED");
        assertThat(LAMBDA.body(payment).get("amount").longValue()).isEqualTo(240);
        assertThat(booking.get("statusCode").intValue()).isEqualTo(200);
        assertThat(LAMBDA.body(booking).get("status").stringValue()).isEqualTo("CONFIRMED");
        assertThat(LAMBDA.body(booking).get("steps").findValuesAsString("name"))
                .containsExactly("AwaitPayment", "AuthorisePayment", "BookingConfirmed");
        assertThat(fixture.eventsValidated("r-contract")).singleElement()
                .satisfies(event -> assertThat(event.type()).isEqualTo(EventTypes.PAYMENT_AUTHORISED));
    }

    @Test
    void pay_withoutIdempotencyKey_is400Problem_andWithAForgedPass_is403Problem() {
        startBooking("r-refused");
        ObjectNode noKey = payEvent();
        ((ObjectNode) noKey.get("headers")).remove("idempotency-key");
        noKey.put("body", "{\"reservationId\":\"r-refused\"}");
        ObjectNode forged = payEvent();
        ((ObjectNode) forged.get("headers")).put("x-admission-pass", new TestPasses().issue("user-42", "concert-1", "qt-contract"));
        forged.put("body", "{\"reservationId\":\"r-refused\"}");

        assertProblem(LAMBDA.invoke(PaymentResources.PAY, fixture.json.writeValueAsBytes(noKey)), 400, "idempotency-key-missing");
        assertProblem(LAMBDA.invoke(PaymentResources.PAY, fixture.json.writeValueAsBytes(forged)), 403, "admission-pass-invalid");
        assertThat(fixture.eventsValidated("r-refused")).isEmpty();
    }

    @Test
    void pay_withFaultInjectHeader_failsTheNamedStep_andAnswersFailedWithTheErrorNameTheSagaSaw() {
        startBooking("r-fault");
        ObjectNode event = payEvent();
        ((ObjectNode) event.get("headers")).put("idempotency-key", "7b1f0e9c-fault").put("x-fault-inject", "authorisePayment");
        event.put("body", "{\"reservationId\":\"r-fault\"}");

        JsonNode answer = LAMBDA.invoke(PaymentResources.PAY, fixture.json.writeValueAsBytes(event));

        // the Java runtime's errorType (and the emulator's TaskFailure.of): the exception's fully qualified class name
        assertThat(LAMBDA.body(answer)).isEqualTo(fixture.json.createObjectNode().put("status", "FAILED")
                .put("reservationId", "r-fault").put("error", "io.ticketflow.kernel.saga.StepFaultInjected"));
        assertThat(fixture.eventsValidated("r-fault")).isEmpty();
    }

    private static void startBooking(String reservationId) {
        String input = fixture.json.writeValueAsString(fixture.json.createObjectNode()
                .put("reservationId", reservationId).put("userId", "user-42").put("concertId", "concert-1")
                .put("scheduleId", "schedule-1-1").put("totalPrice", 240).put("queueToken", "qt-contract")
                .put("holdSeconds", 300).set("seatNos", fixture.json.createArrayNode().add(7).add(8)));
        sfn.startExecution(r -> r.stateMachineArn(sagaArn).name(reservationId).input(input));
        var intents = fixture.repository(java.time.Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (intents.findIntent(reservationId).isEmpty()) {
            assertThat(System.nanoTime()).as("awaitPayment ran for " + reservationId).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The recorded batch, its activation window moved to end ten minutes from now. */
    /** The recorded payment request, carrying the pass the queue gave for qt-contract. */
    private static ObjectNode payEvent() {
        ObjectNode event = LAMBDA.event("apigw-v2-pay.json");
        ((ObjectNode) event.get("headers")).put("x-admission-pass", fixture.passOf(fixture.admit("qt-contract")));
        return event;
    }

    private static byte[] withPathParameter(String file, String name, String value, String path) {
        ObjectNode event = LAMBDA.event(file);
        event.put("rawPath", path);
        ((ObjectNode) event.get("requestContext").get("http")).put("path", path);
        ((ObjectNode) event.get("pathParameters")).put(name, value);
        return fixture.json.writeValueAsBytes(event);
    }
}

package io.ticketflow.local.stepfunctions;

import static io.ticketflow.local.stepfunctions.EmulatorFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The HTTP endpoint driven by the real AWS SDK {@code SfnClient}, as the functions will use it. */
class SfnClientIT {

    private static final String SAGA = """
            {"Comment": "a slice of the booking saga", "StartAt": "AwaitPayment", "States": {
              "AwaitPayment": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                "TimeoutSeconds": 300, "ResultPath": "$.payment",
                "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:StorePaymentToken",
                               "Payload": {"token.$": "$$.Task.Token", "reservationId.$": "$.reservationId"}},
                "Catch": [{"ErrorEquals": ["PaymentFailed"], "ResultPath": "$.error", "Next": "ReleaseSeat"}],
                "Next": "ConfirmReservation"},
              "ConfirmReservation": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "ConfirmReservation", "Payload.$": "$"},
                "ResultSelector": {"status.$": "$.Payload.status"}, "ResultPath": "$.confirmation",
                "Next": "Booked"},
              "ReleaseSeat": {"Type": "Pass", "Result": "RELEASED", "ResultPath": "$.seat", "Next": "PaymentFailed"},
              "PaymentFailed": {"Type": "Fail", "Error": "PaymentFailed", "Cause": "the payment was declined"},
              "Booked": {"Type": "Succeed"}}}
            """;

    private static RecordingInvoker functions;
    private static StepFunctionsEmulator emulator;
    private static StepFunctionsHttpEndpoint endpoint;
    private static SfnClient sfn;
    private static String sagaArn;

    @BeforeAll
    static void start() throws Exception {
        functions = new RecordingInvoker()
                .returning("StorePaymentToken", "{\"stored\": true}")
                .returning("ConfirmReservation", "{\"status\": \"CONFIRMED\"}");
        emulator = StepFunctionsEmulator.builder().taskInvoker(functions).build();
        endpoint = StepFunctionsHttpEndpoint.start(emulator, 0);
        sfn = SfnClient.builder()
                .endpointOverride(endpoint.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sagaArn = sfn.createStateMachine(request -> request.name("booking-saga").definition(SAGA)
                .roleArn("arn:aws:iam::123456789012:role/booking-saga")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        endpoint.close();
        emulator.close();
    }

    @Test
    void endpoint_bindsToLoopbackOnTheReportedPort() {
        assertThat(endpoint.port()).isPositive();
        assertThat(endpoint.endpoint().toString()).isEqualTo("http://127.0.0.1:" + endpoint.port());
    }

    @Test
    void createdStateMachine_isDescribedAndListed() {
        var described = sfn.describeStateMachine(request -> request.stateMachineArn(sagaArn));

        assertThat(described.name()).isEqualTo("booking-saga");
        assertThat(described.definition()).isEqualTo(SAGA);
        assertThat(described.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/booking-saga");
        assertThat(described.creationDate()).isNotNull();
        assertThat(sfn.listStateMachines().stateMachines()).anySatisfy(item ->
                assertThat(item.stateMachineArn()).isEqualTo(sagaArn));
    }

    @Test
    void waitForTaskToken_resumedBySendTaskSuccess_runsTheSagaToTheEnd() throws Exception {
        String reservation = "res-" + UUID.randomUUID();
        StartExecutionResponse started = sfn.startExecution(request -> request.stateMachineArn(sagaArn)
                .name(reservation).input("{\"reservationId\": \"" + reservation + "\"}"));
        String token = functions.nextToken();
        assertThat(describe(started.executionArn()).status()).isEqualTo(ExecutionStatus.RUNNING);

        sfn.sendTaskSuccess(request -> request.taskToken(token).output("{\"paymentId\": \"p-1\"}"));
        emulator.awaitCompletion(started.executionArn(), Duration.ofSeconds(2));

        DescribeExecutionResponse done = describe(started.executionArn());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.name()).isEqualTo(reservation);
        assertThat(done.startDate()).isBeforeOrEqualTo(done.stopDate());
        assertThat(json(done.output())).isEqualTo(json("""
                {"reservationId": "%s", "payment": {"paymentId": "p-1"}, "confirmation": {"status": "CONFIRMED"}}
                """.formatted(reservation)));
        assertThat(functions.callsTo("ConfirmReservation")).filteredOn(call ->
                        call.payload().get("reservationId").asString().equals(reservation)).singleElement()
                .satisfies(call -> assertThat(call.payload().get("payment").get("paymentId").asString())
                        .isEqualTo("p-1"));
    }

    @Test
    void history_isParsedByTheSdk_withTypesIdsTimestampsAndDetails() throws Exception {
        String execution = runSagaWithPayment(true);

        List<HistoryEvent> events = sfn.getExecutionHistory(request -> request.executionArn(execution)).events();

        assertThat(events).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED,
                HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUBMITTED,
                HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED,
                HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.SUCCEED_STATE_ENTERED, HistoryEventType.SUCCEED_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events).extracting(HistoryEvent::id).startsWith(1L, 2L, 3L);
        assertThat(events).allSatisfy(event -> assertThat(event.timestamp()).isNotNull());
        assertThat(events.get(0).executionStartedEventDetails().roleArn())
                .isEqualTo("arn:aws:iam::123456789012:role/booking-saga");
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("AwaitPayment");
        assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke.waitForTaskToken");
        assertThat(events.get(2).taskScheduledEventDetails().timeoutInSeconds()).isEqualTo(300L);
        assertThat(json(events.get(4).taskSubmittedEventDetails().output()).get("StatusCode").asInt())
                .isEqualTo(200);
        assertThat(json(events.get(14).executionSucceededEventDetails().output()).has("confirmation")).isTrue();
    }

    @Test
    void history_isPagedWithNextToken() throws Exception {
        String execution = runSagaWithPayment(true);

        List<HistoryEvent> paged = sfn.getExecutionHistoryPaginator(request -> request.executionArn(execution)
                .maxResults(4)).events().stream().toList();

        assertThat(paged).hasSize(15);
        assertThat(sfn.getExecutionHistory(request -> request.executionArn(execution).reverseOrder(true)
                .maxResults(1)).events().get(0).type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void sendTaskFailure_isRoutedIntoTheCatch_andTheSagaFails() throws Exception {
        String execution = runSagaWithPayment(false);

        DescribeExecutionResponse done = describe(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("PaymentFailed");
        assertThat(done.cause()).isEqualTo("the payment was declined");
        List<HistoryEvent> events = sfn.getExecutionHistory(request -> request.executionArn(execution)).events();
        assertThat(events).filteredOn(event -> event.type() == HistoryEventType.TASK_FAILED).singleElement()
                .satisfies(event -> assertThat(event.taskFailedEventDetails().error()).isEqualTo("PaymentFailed"));
        assertThat(events).filteredOn(event -> event.type() == HistoryEventType.PASS_STATE_EXITED).singleElement()
                .satisfies(event -> assertThat(json(event.stateExitedEventDetails().output()).get("error")
                        .get("Cause").asString()).isEqualTo("card declined"));
    }

    @Test
    void startExecution_isIdempotentByName_andConflictsOnOtherInput() throws Exception {
        String reservation = "res-" + UUID.randomUUID();
        String input = "{\"reservationId\": \"" + reservation + "\"}";
        String first = sfn.startExecution(request -> request.stateMachineArn(sagaArn).name(reservation).input(input))
                .executionArn();
        functions.nextToken();

        String again = sfn.startExecution(request -> request.stateMachineArn(sagaArn).name(reservation).input(input))
                .executionArn();

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> sfn.startExecution(request -> request.stateMachineArn(sagaArn).name(reservation)
                .input("{\"reservationId\": \"other\"}"))).isInstanceOf(ExecutionAlreadyExistsException.class);
        sfn.stopExecution(request -> request.executionArn(first));
    }

    @Test
    void listExecutions_filtersByStatus_andStopExecutionAbortsARunningOne() throws Exception {
        String reservation = "res-" + UUID.randomUUID();
        String execution = sfn.startExecution(request -> request.stateMachineArn(sagaArn).name(reservation)
                .input("{\"reservationId\": \"" + reservation + "\"}")).executionArn();
        functions.nextToken();

        assertThat(sfn.listExecutions(request -> request.stateMachineArn(sagaArn)
                .statusFilter(ExecutionStatus.RUNNING)).executions()).extracting(ExecutionListItem::executionArn)
                .contains(execution);
        sfn.stopExecution(request -> request.executionArn(execution).error("UserLeft").cause("closed the tab"));

        DescribeExecutionResponse stopped = describe(execution);
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).isEqualTo("UserLeft");
        assertThat(sfn.listExecutions(request -> request.stateMachineArn(sagaArn)
                .statusFilter(ExecutionStatus.ABORTED)).executions()).extracting(ExecutionListItem::executionArn)
                .contains(execution);
    }

    @Test
    void refusals_arriveAsTheSdksTypedExceptions() throws Exception {
        String unknownExecution = "arn:aws:states:us-east-1:123456789012:execution:booking-saga:nope";
        String wellFormedToken = "A".repeat(64);

        assertThatThrownBy(() -> sfn.describeExecution(request -> request.executionArn(unknownExecution)))
                .isInstanceOf(ExecutionDoesNotExistException.class).hasMessageContaining("Execution Does Not Exist");
        assertThatThrownBy(() -> sfn.startExecution(request -> request.stateMachineArn(sagaArn + "-gone")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(request -> request.taskToken("garbage").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> sfn.sendTaskHeartbeat(request -> request.taskToken(wellFormedToken)))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.createStateMachine(request -> request.name("broken")
                .roleArn("arn:aws:iam::123456789012:role/x")
                .definition("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\"}}}")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("'Next'");
        String closedToken = closedTaskToken();
        assertThatThrownBy(() -> sfn.sendTaskSuccess(request -> request.taskToken(closedToken).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void rawProtocol_unknownOperationOrBadBody_getsAwsJsonErrors() throws Exception {
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> unknown = http.send(protocolRequest("AWSStepFunctions.DeleteActivity", "{}"),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notJson = http.send(protocolRequest("AWSStepFunctions.DescribeExecution", "[1"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).get("__type").asString()).isEqualTo("UnknownOperationException");
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).get("__type").asString()).isEqualTo("SerializationException");
    }

    private static HttpRequest protocolRequest(String target, String body) {
        return HttpRequest.newBuilder(endpoint.endpoint())
                .header("X-Amz-Target", target)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Runs the saga, answering AwaitPayment with success or PaymentFailed; returns the execution ARN. */
    private static String runSagaWithPayment(boolean paid) throws Exception {
        String reservation = "res-" + UUID.randomUUID();
        String execution = sfn.startExecution(request -> request.stateMachineArn(sagaArn).name(reservation)
                .input("{\"reservationId\": \"" + reservation + "\"}")).executionArn();
        String token = functions.nextToken();
        if (paid) {
            sfn.sendTaskSuccess(request -> request.taskToken(token).output("{\"paymentId\": \"p-2\"}"));
        } else {
            sfn.sendTaskFailure(request -> request.taskToken(token).error("PaymentFailed").cause("card declined"));
        }
        emulator.awaitCompletion(execution, Duration.ofSeconds(2));
        return execution;
    }

    private static String closedTaskToken() throws Exception {
        String reservation = "res-" + UUID.randomUUID();
        sfn.startExecution(request -> request.stateMachineArn(sagaArn).name(reservation)
                .input("{\"reservationId\": \"" + reservation + "\"}"));
        String token = functions.nextToken();
        sfn.sendTaskSuccess(request -> request.taskToken(token).output("{}"));
        return token;
    }

    private static DescribeExecutionResponse describe(String executionArn) {
        return sfn.describeExecution(request -> request.executionArn(executionArn));
    }
}

package io.ticketflow.statemachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader;
import com.amazonaws.services.lambda.runtime.api.client.HandlerInfo;
import com.amazonaws.services.lambda.runtime.api.client.LambdaRequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.dto.InvocationRequest;
import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.kernel.saga.SagaStepError;
import io.ticketflow.kernel.saga.TransientStepError;
import io.ticketflow.local.stepfunctions.ExecutionDescription;
import io.ticketflow.local.stepfunctions.TaskFailure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pins the error name a Java exception thrown by a saga task reaches the ASL's {@code Catch} with, on Lambda and
 * locally, and that the ASL names only errors that can occur.
 *
 * <p>On Lambda, the AWS Java runtime (aws-lambda-java-runtime-interface-client) loads {@link FunctionInvoker} as a
 * stream handler, and an exception escaping it becomes the error response whose {@code errorType} Step Functions
 * matches: this test runs that same runtime code. Locally, the emulator's {@link TaskFailure#of} names the error.
 */
class SagaErrorNamesTest {

    /** What Step Functions itself may raise, and the Lambda service errors the ASL retries. */
    private static final Set<String> PLATFORM_ERRORS = Set.of("States.ALL", "States.Timeout", "States.TaskFailed",
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException", "Lambda.Unknown");

    private static LambdaRequestHandler lambdaRuntimeHandler;

    @BeforeAll
    static void loadLikeTheLambdaRuntime() throws Exception {
        // FunctionInvoker reads its start class and function once per JVM: this module has exactly one.
        System.setProperty("MAIN_CLASS", ThrowingStep.class.getName());
        System.setProperty("spring.cloud.function.definition", ThrowingStep.NAME);
        System.setProperty("spring.main.banner-mode", "off");
        lambdaRuntimeHandler = EventHandlerLoader.loadEventHandler(HandlerInfo.fromString(
                FunctionInvoker.class.getName() + "::handleRequest", SagaErrorNamesTest.class.getClassLoader()));
    }

    static Stream<Class<?>> sagaErrors() {
        return Arrays.stream(SagaStepError.class.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sagaErrors")
    void sagaErrorThrownByATask_isNamedByItsClassName_byTheLambdaJavaRuntimeAndTheLocalEmulatorAlike(Class<?> error)
            throws Exception {
        Throwable thrown = catchThrowable(() -> invokeOnLambdaRuntime("{\"operationId\":\"r-1:deduct\",\"throwing\":\""
                + error.getName() + "\"}"));

        String onLambda = LambdaErrorConverter.fromThrowable(thrown).errorType;
        String locally = TaskFailure.of(thrown).error();

        assertThat(thrown).isExactlyInstanceOf(error);
        assertThat(onLambda).isEqualTo(error.getName());
        assertThat(locally).isEqualTo(onLambda);
    }

    @Test
    void taskThrowingInsufficientPointsUnderTheLambdaRuntime_endsTheSagaInItsCompensationChain() throws Exception {
        try (SagaRun saga = new SagaRun(SagaDefinition.BOOKING)) {
            saga.functions.on(ThrowingStep.NAME, payload -> {
                ObjectNode command = ((ObjectNode) payload.deepCopy()).put("throwing", InsufficientPoints.class.getName());
                try {
                    return SagaFunctionFakes.JSON.readTree(invokeOnLambdaRuntime(command.toString()));
                } catch (Throwable failure) {
                    ObjectNode response = SagaFunctionFakes.JSON.createObjectNode()
                            .put("errorType", LambdaErrorConverter.fromThrowable(failure).errorType)
                            .put("errorMessage", failure.getMessage());
                    throw TaskFailure.fromErrorResponse(response);
                }
            });

            ExecutionDescription end = saga.start(SagaRun.BOOKING_INPUT).pay(SagaRun.PAYMENT).finish();

            assertThat(end.error()).isEqualTo("InsufficientPoints");
            assertThat(saga.functions.sequence()).endsWith("deductPoints", "refundPoints", "cancelPayment", "releaseSeats");
        }
    }

    @Test
    void everyErrorTheAslNames_isAPlatformErrorOrASagaErrorClass() {
        Set<String> known = new TreeSet<>(PLATFORM_ERRORS);
        sagaErrors().map(Class::getName).forEach(known::add);

        for (SagaDefinition definition : SagaDefinition.all()) {
            assertThat(errorNames(definition)).as(definition.name()).isNotEmpty().isSubsetOf(known);
        }
    }

    @Test
    void forwardSteps_retryTransientErrorsOnly_soABusinessErrorGoesStraightToItsCompensations() {
        JsonNode states = SagaFunctionFakes.JSON.readTree(SagaDefinition.BOOKING.text()).path("States");
        for (String step : List.of("AwaitPayment", "AuthorisePayment", "DeductPoints", "ConfirmReservation", "CapturePayment",
                "ExpireQueueToken")) {
            List<String> retried = new ArrayList<>();
            states.path(step).path("Retry").forEach(r -> r.path("ErrorEquals").forEach(e -> retried.add(e.asString())));

            assertThat(retried).as(step).contains(TransientStepError.class.getName(), "Lambda.ServiceException")
                    .doesNotContain("States.ALL", "States.TaskFailed");
            assertThat(states.path(step).path("Catch")).as(step).isNotEmpty();
        }
    }

    @Test
    void everyTask_hasExplicitRetryAndCatch() {
        for (SagaDefinition definition : SagaDefinition.all()) {
            JsonNode states = SagaFunctionFakes.JSON.readTree(definition.text()).path("States");
            int tasks = 0;
            for (String name : states.propertyNames()) {
                if (states.get(name).path("Type").asString().equals("Task")) {
                    tasks++;
                    assertThat(states.get(name).path("Retry")).as(definition.name() + " " + name).isNotEmpty();
                    assertThat(states.get(name).path("Catch")).as(definition.name() + " " + name).isNotEmpty();
                }
            }
            // a definition read without its States (or none of them Tasks) would pass the loop unchecked
            assertThat(tasks).as("Task states of " + definition.name()).isPositive();
        }
    }

    private static String invokeOnLambdaRuntime(String payload) throws Exception {
        InvocationRequest request = new InvocationRequest();
        request.setId("request-1");
        request.setInvokedFunctionArn("arn:aws:lambda:us-east-1:123456789012:function:" + ThrowingStep.NAME);
        request.setDeadlineTimeInMs(System.currentTimeMillis() + 30_000);
        request.setContent(payload.getBytes(StandardCharsets.UTF_8));
        return lambdaRuntimeHandler.call(request).toString(StandardCharsets.UTF_8);
    }

    private static Set<String> errorNames(SagaDefinition definition) {
        Set<String> names = new TreeSet<>();
        SagaFunctionFakes.JSON.readTree(definition.text()).path("States").forEach(state -> {
            state.path("Retry").forEach(r -> r.path("ErrorEquals").forEach(e -> names.add(e.asString())));
            state.path("Catch").forEach(c -> c.path("ErrorEquals").forEach(e -> names.add(e.asString())));
        });
        return names;
    }
}

package io.ticketflow.local;

import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.local.stepfunctions.StepFunctionsHttpEndpoint;
import io.ticketflow.local.stepfunctions.TaskFailure;
import io.ticketflow.local.stepfunctions.TaskInvoker;
import io.ticketflow.statemachine.SagaDefinition;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Step Functions for the local runtime: the emulator running the sagas' ASL files (placeholders replaced by
 * local function ARNs), its Task states invoking the functions through the same {@code FunctionInvoker} path as
 * HTTP and event sources, and an HTTP endpoint that the functions' real {@code SfnClient} talks to.
 *
 * <p>Executions live in memory: a restart loses them (the booking recovery sweep picks the bookings up again).
 */
final class LocalStepFunctions implements AutoCloseable {

    static final String FAULT_INJECTION = "TICKETFLOW_FAULT_INJECTION";
    private static final String ACCOUNT = "123456789012";

    private final StepFunctionsEmulator emulator;
    private final StepFunctionsHttpEndpoint endpoint;
    private final Map<String, String> stateMachineArns;
    private final LambdaTasks tasks;

    private LocalStepFunctions(StepFunctionsEmulator emulator, StepFunctionsHttpEndpoint endpoint,
                               Map<String, String> stateMachineArns, LambdaTasks tasks) {
        this.emulator = emulator;
        this.endpoint = endpoint;
        this.stateMachineArns = stateMachineArns;
        this.tasks = tasks;
    }

    /**
     * Starts the emulator and its endpoint and creates the state machines. Tasks fail with
     * {@code Lambda.ServiceException} until {@link #connect} hands over the functions, which start only after
     * their configuration (this endpoint, these ARNs) is set.
     */
    static LocalStepFunctions start(List<SagaDefinition> sagas, String region) throws IOException {
        LambdaTasks tasks = new LambdaTasks();
        StepFunctionsEmulator emulator = StepFunctionsEmulator.builder()
                .taskInvoker(tasks).region(region).accountId(ACCOUNT).build();
        StepFunctionsHttpEndpoint endpoint;
        try {
            endpoint = StepFunctionsHttpEndpoint.start(emulator, 0);
        } catch (IOException | RuntimeException e) {
            emulator.close();
            throw e;
        }
        Map<String, String> arns = new LinkedHashMap<>();
        for (SagaDefinition saga : sagas) {
            String definition = saga.withFunctionArns(name -> functionArn(region, name));
            arns.put(saga.arnConfig(), emulator.createStateMachine(saga.name(), definition, null));
        }
        return new LocalStepFunctions(emulator, endpoint, arns, tasks);
    }

    static String functionArn(String region, String function) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + function;
    }

    /** What the functions need in their configuration: where Step Functions is and the state machines' ARNs. */
    Map<String, String> functionConfiguration() {
        Map<String, String> config = new LinkedHashMap<>(stateMachineArns);
        config.put(AwsSettings.SFN_ENDPOINT, endpoint.endpoint().toString());
        // Only the local runtime turns this on: X-Fault-Inject makes a chosen saga step fail (README).
        config.put(FAULT_INJECTION, "enabled");
        return config;
    }

    void connect(LocalLambdas lambdas) {
        tasks.connect(lambdas);
    }

    StepFunctionsEmulator emulator() {
        return emulator;
    }

    String stateMachineArn(SagaDefinition saga) {
        return stateMachineArns.get(saga.arnConfig());
    }

    URI endpoint() {
        return endpoint.endpoint();
    }

    @Override
    public void close() {
        endpoint.close();
        emulator.close();
    }

    /**
     * Runs a Task's function as Lambda would for Step Functions: a thrown exception becomes the error named by its
     * class (what the AWS Java runtime reports as {@code errorType}), which the ASL's Retry and Catch match.
     */
    static final class LambdaTasks implements TaskInvoker {

        private volatile LocalLambdas lambdas;

        void connect(LocalLambdas functions) {
            this.lambdas = Objects.requireNonNull(functions, "functions");
        }

        @Override
        public JsonNode invoke(String functionName, JsonNode payload) throws TaskFailure {
            LocalLambdas functions = lambdas;
            if (functions == null) {
                throw new TaskFailure("Lambda.ServiceException", "the local functions are still starting");
            }
            if (!functions.deploys(functionName)) {
                throw new TaskFailure("Lambda.ResourceNotFoundException", "Function not found: " + functionName);
            }
            try {
                return functions.invoke(functionName, payload);
            } catch (LocalLambdas.FunctionFailed failed) {
                if (failed.getCause() instanceof Faults.SimulatedCrash crash) {
                    // a function that died is no exception of its code: AWS names it Lambda.Unknown
                    throw new TaskFailure("Lambda.Unknown", crash.getMessage());
                }
                throw TaskFailure.of(failed.getCause());
            }
        }
    }
}

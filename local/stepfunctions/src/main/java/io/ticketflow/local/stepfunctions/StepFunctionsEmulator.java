package io.ticketflow.local.stepfunctions;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.DefinitionParser;
import io.ticketflow.local.stepfunctions.asl.ErrorNames;
import io.ticketflow.local.stepfunctions.asl.InvalidDefinitionException;
import io.ticketflow.local.stepfunctions.asl.StateMachineDefinition;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * An in-process AWS Step Functions (STANDARD workflows, JSONPath ASL) whose Task states call Java functions through
 * a {@link TaskInvoker}. The methods mirror the Step Functions API and fail with {@link StepFunctionsException}
 * carrying the AWS error code; {@link StepFunctionsHttpEndpoint} serves them to the AWS SDK. Executions run on
 * emulator threads; {@link #close()} aborts those still running.
 */
public final class StepFunctionsEmulator implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    private final Map<String, StateMachine> stateMachines = new ConcurrentHashMap<>();
    private final Map<String, Execution> executions = new ConcurrentHashMap<>();
    private final Arns arns;
    private final TimeSource time;
    private final ExecutorService executor;
    private final Services services;
    private final Interpreter interpreter;

    private StepFunctionsEmulator(Builder builder) {
        this.arns = new Arns(builder.region, builder.accountId);
        this.time = builder.timeSource;
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        this.services = new Services(time, builder.taskInvoker, executor, new TaskTokens(), builder.region);
        this.interpreter = new Interpreter(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a STANDARD state machine. Like AWS, repeating the call with the same name, definition and role
     * returns the same ARN.
     *
     * @param roleArn may be null (nothing is authorized locally)
     * @throws StepFunctionsException InvalidDefinition (with every problem found), InvalidName,
     *         StateMachineAlreadyExists
     */
    public synchronized String createStateMachine(String name, String definition, String roleArn) {
        Arns.checkName(name);
        StateMachineDefinition parsed;
        try {
            parsed = DefinitionParser.parse(definition);
        } catch (InvalidDefinitionException e) {
            throw new StepFunctionsException("InvalidDefinition", e.getMessage());
        }
        String arn = arns.stateMachine(name);
        StateMachine existing = stateMachines.get(arn);
        if (existing != null) {
            if (existing.definitionText().equals(definition) && Objects.equals(existing.roleArn(), roleArn)) {
                return arn;
            }
            throw new StepFunctionsException("StateMachineAlreadyExists",
                    "State Machine Already Exists: '" + arn + "'");
        }
        stateMachines.put(arn, new StateMachine(arn, name, definition, parsed, roleArn, time.now()));
        return arn;
    }

    public StateMachineDescription describeStateMachine(String stateMachineArn) {
        return stateMachine(stateMachineArn).describe();
    }

    public List<StateMachineDescription> listStateMachines() {
        return stateMachines.values().stream()
                .sorted(Comparator.comparing(StateMachine::creationDate).thenComparing(StateMachine::name))
                .map(StateMachine::describe)
                .toList();
    }

    /**
     * Starts an execution. Like AWS for STANDARD workflows, calling again with the name of a running execution and
     * the same input returns that execution; a different input, or a name whose execution has ended, fails with
     * ExecutionAlreadyExists.
     *
     * @param name null for a generated name
     * @param input JSON text, null for {@code {}}
     * @throws StepFunctionsException StateMachineDoesNotExist, InvalidArn, InvalidName, InvalidExecutionInput,
     *         ExecutionAlreadyExists
     */
    public synchronized ExecutionDescription startExecution(String stateMachineArn, String name, String input) {
        StateMachine machine = stateMachine(stateMachineArn);
        String executionName = name == null ? UUID.randomUUID().toString() : name;
        Arns.checkName(executionName);
        String inputText = input == null ? "{}" : input;
        JsonNode parsedInput = Json.tryParse(inputText).orElseThrow(() -> new StepFunctionsException(
                "InvalidExecutionInput", "Invalid execution input: not a JSON value: " + inputText));
        String arn = arns.execution(machine.name(), executionName);
        Execution existing = executions.get(arn);
        if (existing != null) {
            if (existing.status() == ExecutionStatus.RUNNING && existing.input().equals(parsedInput)) {
                return existing.describe();
            }
            throw new StepFunctionsException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        Execution execution = new Execution(arn, executionName, machine, inputText, time.now(), time);
        executions.put(arn, execution);
        begin(execution);
        return execution.describe();
    }

    public ExecutionDescription describeExecution(String executionArn) {
        return execution(executionArn).describe();
    }

    /** The whole history, oldest event first. */
    public List<HistoryEvent> getExecutionHistory(String executionArn) {
        return execution(executionArn).history().events();
    }

    /**
     * Executions of a state machine, most recently started first.
     *
     * @param statusFilter null for all
     */
    public List<ExecutionDescription> listExecutions(String stateMachineArn, ExecutionStatus statusFilter) {
        String arn = stateMachine(stateMachineArn).arn();
        return executions.values().stream()
                .map(Execution::describe)
                .filter(execution -> execution.stateMachineArn().equals(arn))
                .filter(execution -> statusFilter == null || execution.status() == statusFilter)
                .sorted(Comparator.comparing(ExecutionDescription::startDate).reversed()
                        .thenComparing(ExecutionDescription::name))
                .toList();
    }

    /** Aborts a running execution (a no-op for one that has ended). */
    public ExecutionDescription stopExecution(String executionArn, String error, String cause) {
        Execution execution = execution(executionArn);
        if (execution.close(ExecutionStatus.ABORTED, null, error, cause, time.now(), "ExecutionAborted",
                "executionAbortedEventDetails", EventDetails.failure(error, cause))) {
            execution.cancellation().cancel("stopped");
        }
        return execution.describe();
    }

    /**
     * @param output JSON text
     * @throws StepFunctionsException InvalidToken, TaskDoesNotExist, TaskTimedOut (closed task), InvalidOutput
     */
    public void sendTaskSuccess(String taskToken, String output) {
        JsonNode parsed = Json.tryParse(output).orElseThrow(() -> new StepFunctionsException("InvalidOutput",
                "Invalid Output: not a JSON value: " + output));
        services.tokens().succeed(taskToken, parsed);
    }

    /** @throws StepFunctionsException InvalidToken, TaskDoesNotExist, TaskTimedOut (closed task) */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        services.tokens().fail(taskToken, error, cause);
    }

    /** @throws StepFunctionsException InvalidToken, TaskDoesNotExist, TaskTimedOut (closed task) */
    public void sendTaskHeartbeat(String taskToken) {
        services.tokens().heartbeat(taskToken, time.now());
    }

    /**
     * Blocks until the execution has ended, at most {@code timeout} of real time.
     *
     * @throws TimeoutException when it is still running then
     */
    public ExecutionDescription awaitCompletion(String executionArn, Duration timeout)
            throws TimeoutException, InterruptedException {
        Execution execution = execution(executionArn);
        try {
            execution.closed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("execution completion failed", e);
        } catch (TimeoutException e) {
            throw new TimeoutException(executionArn + " still " + execution.status() + " after " + timeout);
        }
        return execution.describe();
    }

    /**
     * State transitions of the execution so far, counted as AWS bills them: one per state entered (in branches
     * and iterations too) and one per retry.
     */
    public long stateTransitions(String executionArn) {
        return execution(executionArn).transitions();
    }

    /** Aborts running executions and stops the emulator's threads. */
    @Override
    public void close() {
        for (Execution execution : executions.values()) {
            if (execution.close(ExecutionStatus.ABORTED, null, null, "The emulator was closed", time.now(),
                    "ExecutionAborted", "executionAbortedEventDetails",
                    EventDetails.failure(null, "The emulator was closed"))) {
                execution.cancellation().cancel("emulator closed");
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void begin(Execution execution) {
        Strand strand = new Strand(execution, execution.cancellation(), 0);
        strand.emit("ExecutionStarted", "executionStartedEventDetails",
                EventDetails.executionStarted(execution.input(), execution.machine().roleArn()));
        Integer timeoutSeconds = execution.machine().definition().timeoutSeconds();
        if (timeoutSeconds != null) {
            CompletableFuture<Void> timer = time.at(time.now().plusSeconds(timeoutSeconds));
            timer.thenRun(() -> timeOut(execution, timeoutSeconds));
            execution.closed().thenRun(() -> timer.cancel(false));
        }
        executor.execute(() -> run(execution, strand));
    }

    private void run(Execution execution, Strand strand) {
        try {
            JsonNode output = interpreter.run(execution.machine().definition().graph(), execution.input(), strand);
            execution.close(ExecutionStatus.SUCCEEDED, Json.write(output), null, null, time.now(),
                    "ExecutionSucceeded", "executionSucceededEventDetails", EventDetails.output(output));
        } catch (AslError failure) {
            execution.close(ExecutionStatus.FAILED, null, failure.error(), failure.cause(), time.now(),
                    "ExecutionFailed", "executionFailedEventDetails",
                    EventDetails.failure(failure.error(), failure.cause()));
        } catch (ExecutionAborted aborted) {
            // whoever aborted it (StopExecution, the execution timeout, close) has already closed it
        } catch (RuntimeException bug) {
            String cause = "The emulator failed: " + bug;
            execution.close(ExecutionStatus.FAILED, null, ErrorNames.RUNTIME, cause, time.now(), "ExecutionFailed",
                    "executionFailedEventDetails", EventDetails.failure(ErrorNames.RUNTIME, cause));
        }
    }

    private void timeOut(Execution execution, int timeoutSeconds) {
        String cause = "The execution ran longer than its TimeoutSeconds (" + timeoutSeconds + ")";
        if (execution.close(ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT, cause, time.now(),
                "ExecutionTimedOut", "executionTimedOutEventDetails",
                EventDetails.failure(ErrorNames.TIMEOUT, cause))) {
            execution.cancellation().cancel("timed out");
        }
    }

    private StateMachine stateMachine(String arn) {
        Arns.checkStateMachineArn(arn);
        StateMachine machine = stateMachines.get(arn);
        if (machine == null) {
            throw new StepFunctionsException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    private Execution execution(String arn) {
        Arns.checkExecutionArn(arn);
        Execution execution = executions.get(arn);
        if (execution == null) {
            throw new StepFunctionsException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return execution;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sfn-emulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of an emulator; only the task invoker is required. */
    public static final class Builder {

        private TaskInvoker taskInvoker;
        private TimeSource timeSource = TimeSource.system();
        private String region = "us-east-1";
        private String accountId = "123456789012";

        private Builder() {
        }

        public Builder taskInvoker(TaskInvoker invoker) {
            this.taskInvoker = invoker;
            return this;
        }

        /** Real time by default; a {@link ManualTimeSource} for tests that move time themselves. */
        public Builder timeSource(TimeSource source) {
            this.timeSource = source;
            return this;
        }

        /** The region in ARNs and task events; us-east-1 by default. */
        public Builder region(String awsRegion) {
            this.region = awsRegion;
            return this;
        }

        /** The 12-digit account id in ARNs; 123456789012 by default. */
        public Builder accountId(String id) {
            this.accountId = id;
            return this;
        }

        public StepFunctionsEmulator build() {
            Objects.requireNonNull(taskInvoker, "taskInvoker");
            Objects.requireNonNull(timeSource, "timeSource");
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("the account id must have 12 digits: " + accountId);
            }
            return new StepFunctionsEmulator(this);
        }
    }
}

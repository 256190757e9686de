package io.ticketflow.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The booking saga and the cancellation of a confirmed booking: Standard state machines deployed from the
 * same ASL files the local emulator runs, with every {@code ${...}} placeholder substituted by the resource it
 * names in this deployment. The functions that use them are granted what their catalogue entry declares by
 * their service stacks ({@link FunctionGrants}), by ARN, so no stack imports another's export.
 */
public final class SagaStack extends Stack {

    public static final String STATE_MACHINE = Catalogue.BOOKING_SAGA;
    /** The cancellation of a confirmed booking, from the sibling {@code booking-cancellation*.asl.json}. */
    public static final String CANCELLATION_STATE_MACHINE = Catalogue.BOOKING_CANCELLATION;

    private final StateMachine stateMachine;
    private final Map<String, String> substitutions;
    private final StateMachine cancellation;

    public SagaStack(Construct scope, Path definition, DeploymentSettings settings) {
        super(scope, settings.physicalName("saga"), StackProps.builder()
                .stackName(settings.physicalName("saga"))
                .description("ticketflow booking saga (" + settings.stage().id() + ")")
                .build());
        this.substitutions = new LinkedHashMap<>();
        this.stateMachine = machine("", STATE_MACHINE, "the booking saga", definition, settings);
        // Payment's functions are given this machine's ARN too: deploying without it would break them at run time.
        this.cancellation = machine("Cancellation", CANCELLATION_STATE_MACHINE, "the booking cancellation saga",
                requireDefinition(cancellationDefinition(definition)), settings);
    }

    /**
     * Fails the synth, naming the file, unless the definition exists: the service stacks give functions the
     * machines' ARNs whatever is deployed, so a missing file must not quietly drop a machine.
     */
    static Path requireDefinition(Path definition) {
        if (!Files.isRegularFile(definition)) {
            throw new IllegalStateException("the state machine definition " + definition + " does not exist: the "
                    + "services are wired to its ARN, so the app is not synthesized without it (context "
                    + DeploymentSettings.SAGA_DEFINITION + " names the booking saga's file; the cancellation's sits beside it)");
        }
        return definition;
    }

    /** {@code .../booking-saga[.fixture].asl.json} → {@code .../booking-cancellation[.fixture].asl.json}. */
    static Path cancellationDefinition(Path bookingDefinition) {
        String file = bookingDefinition.getFileName().toString();
        String sibling = file.startsWith(STATE_MACHINE)
                ? CANCELLATION_STATE_MACHINE + file.substring(STATE_MACHINE.length())
                : CANCELLATION_STATE_MACHINE + ".asl.json";
        return bookingDefinition.resolveSibling(sibling);
    }

    /**
     * One Standard state machine with its own role (granted exactly what its definition uses), log group and
     * output; {@code idPrefix} keeps the booking saga's construct ids as they were.
     */
    private StateMachine machine(String idPrefix, String name, String description, Path definition,
                                 DeploymentSettings settings) {
        AslDefinition asl = AslDefinition.read(definition);

        Role role = Role.Builder.create(this, idPrefix + "Role")
                .assumedBy(new ServicePrincipal("states.amazonaws.com"))
                .description("ticketflow " + description.substring("the ".length()))
                .build();
        Map<String, String> values = substitute(asl, settings, role);
        substitutions.putAll(values);

        LogGroup logs = LogGroup.Builder.create(this, idPrefix + "Logs")
                .logGroupName("/aws/vendedlogs/states/" + settings.physicalName(name))
                .retention(settings.stage().logRetention())
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        StateMachine machine = StateMachine.Builder.create(this, idPrefix + "StateMachine")
                .stateMachineName(settings.physicalName(name))
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromFile(definition.toString()))
                .definitionSubstitutions(values)
                .role(role)
                .logs(LogOptions.builder()
                        .destination(logs)
                        .level(LogLevel.ALL)
                        // execution data carries user ids, queue tokens and task tokens: no stage logs it
                        .includeExecutionData(false)
                        .build())
                .tracingEnabled(true)
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        Suppressions.forSagaRole(role);

        CfnOutput.Builder.create(this, idPrefix + "StateMachineArn")
                .description("ARN of " + description + " state machine")
                .value(machine.getStateMachineArn())
                .build();
        return machine;
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    /** The cancellation saga, from the definition next to the booking saga's. */
    public StateMachine cancellation() {
        return cancellation;
    }

    /** Placeholder → value, as passed to DefinitionSubstitutions (of both machines). */
    public Map<String, String> substitutions() {
        return Map.copyOf(substitutions);
    }

    /**
     * Resolves every placeholder and grants the saga exactly what the definition uses: invoke on the
     * functions it names, send on the queues it names. An unknown placeholder fails the synth, since the
     * deployed machine would fail at its first run.
     */
    private Map<String, String> substitute(AslDefinition asl, DeploymentSettings settings, Role role) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> invoked = new ArrayList<>();
        List<String> sentTo = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String placeholder : asl.placeholders()) {
            Optional<String> function = AslDefinition.functionName(placeholder).filter(SagaStack::isFunction);
            Optional<String> queue = AslDefinition.queueName(placeholder).filter(SagaStack::isQueue);
            if (function.isPresent()) {
                String arn = Arns.functionAlias(this, settings.physicalName(function.get()));
                values.put(placeholder, arn);
                invoked.add(arn);
            } else if (queue.isPresent()) {
                values.put(placeholder, Arns.queueUrl(settings.physicalName(queue.get())));
                sentTo.add(Arns.queue(this, settings.physicalName(queue.get())));
            } else {
                unknown.add(placeholder);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("the saga definition has placeholders that name no function or queue "
                    + "of the catalogue: " + unknown + " (use ${<FunctionBeanName>FunctionArn} or ${<QueueName>QueueUrl})");
        }
        // Reading the tasks fails on a Lambda Task whose function is not a placeholder (a hard-coded ARN).
        asl.tasks();
        if (!invoked.isEmpty()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("lambda:InvokeFunction"))
                    .resources(invoked)
                    .build());
        }
        if (!sentTo.isEmpty()) {
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("sqs:SendMessage"))
                    .resources(sentTo)
                    .build());
        }
        return values;
    }

    private static boolean isFunction(String name) {
        return Catalogue.functions().stream().map(FunctionSpec::name).anyMatch(name::equals);
    }

    private static boolean isQueue(String name) {
        return Catalogue.queues().stream()
                .anyMatch(q -> q.name().equals(name) || q.deadLetterQueueName().equals(name));
    }
}

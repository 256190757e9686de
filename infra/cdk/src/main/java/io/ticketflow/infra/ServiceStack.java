package io.ticketflow.infra;

import io.ticketflow.catalog.Service;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Grant;
import io.ticketflow.catalog.KeyAttribute;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.ScheduleSpec;
import io.ticketflow.catalog.ServiceResources;
import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.catalog.TableSpec;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * One service, deployable alone: its tables, queues with their dead-letter queues and alarms, its
 * functions, the event-source mappings and schedules that invoke them, and the grants between them.
 * Everything is read from the service's {@link ServiceResources} declaration.
 */
public final class ServiceStack extends Stack {

    /** The schedule whose batch size is deployment configuration (QUEUE_ACTIVATION_BATCH_SIZE). */
    static final String ACTIVATION_SCHEDULE = "queue-activation";
    static final String ACTIVATION_BATCH_SIZE_ENV = "QUEUE_ACTIVATION_BATCH_SIZE";
    /** Counter shards of every queue a deployment opens: a stadium's crowd enters faster than one key takes. */
    static final String COUNTER_SHARDS_ENV = "QUEUE_COUNTER_SHARDS";
    static final int COUNTER_SHARDS = 16;
    /** A dead-letter message older than this means nobody looked at the depth alarm. */
    static final Duration DLQ_AGE_ALARM = Duration.hours(1);
    static final Duration DLQ_RETENTION = Duration.days(14);

    private final ServiceResources resources;
    private final DeploymentSettings settings;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, ServiceFunction> functions = new LinkedHashMap<>();
    private final Map<String, IQueue> importedQueues = new LinkedHashMap<>();
    private final FunctionGrants grants;

    public ServiceStack(Construct scope, ServiceResources resources, DeploymentSettings settings, Path jar) {
        super(scope, settings.physicalName(resources.service().id()), StackProps.builder()
                .stackName(settings.physicalName(resources.service().id()))
                .description("ticketflow " + resources.service().id() + " service (" + settings.stage().id() + ")")
                .build());
        this.resources = resources;
        this.settings = settings;

        resources.tables().forEach(this::addTable);
        resources.queues().forEach(this::addQueue);
        Optional<Key> admissionPassKey = resources.service() == AdmissionPassKey.OWNER
                ? Optional.of(AdmissionPassKey.create(this, settings))
                : Optional.empty();
        this.grants = new FunctionGrants(this, settings, name -> requireLocal(tables, name, "table"), this::queue,
                admissionPassKey);
        if (!resources.functions().isEmpty()) {
            Code code = Code.fromAsset(jar.toString());
            resources.functions().forEach(spec -> addFunction(spec, code));
        }
        resources.streamSubscriptions().forEach(this::addStreamSubscription);
        resources.queueSubscriptions().forEach(this::addQueueSubscription);
        resources.schedules().forEach(this::addSchedule);
    }

    public Map<String, Table> tables() {
        return Map.copyOf(tables);
    }

    public Map<String, ServiceFunction> functions() {
        return Map.copyOf(functions);
    }

    private void addTable(TableSpec spec) {
        Table table = Table.Builder.create(this, spec.name())
                .tableName(settings.physicalName(spec.name()))
                .partitionKey(attribute(spec.partitionKey()))
                .sortKey(spec.sortKey() == null ? null : attribute(spec.sortKey()))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .stream(spec.stream() ? StreamViewType.NEW_AND_OLD_IMAGES : null)
                .timeToLiveAttribute(spec.ttlAttribute())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .deletionProtection(settings.stage().deletionProtection())
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        spec.indexes().forEach(index -> table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(index.name())
                .partitionKey(attribute(index.partitionKey()))
                .sortKey(index.sortKey() == null ? null : attribute(index.sortKey()))
                .projectionType(ProjectionType.ALL)
                .build()));
        tables.put(spec.name(), table);
        CfnOutput.Builder.create(this, outputId(spec.name()))
                .description("physical name of the " + spec.name() + " table")
                .value(table.getTableName())
                .build();
    }

    private void addQueue(QueueSpec spec) {
        Queue deadLetters = Queue.Builder.create(this, spec.deadLetterQueueName())
                .queueName(settings.physicalName(spec.deadLetterQueueName()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(DLQ_RETENTION)
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        Queue queue = Queue.Builder.create(this, spec.name())
                .queueName(settings.physicalName(spec.name()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(spec.maxReceiveCount()).build())
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        queues.put(spec.name(), queue);
        depthAlarm(deadLetters, spec.deadLetterQueueName());
        Alarm.Builder.create(this, spec.deadLetterQueueName() + "-age")
                .alarmName(settings.physicalName(spec.deadLetterQueueName()) + "-age")
                .alarmDescription("a message has waited in " + spec.deadLetterQueueName() + " for over an hour")
                .metric(deadLetters.metricApproximateAgeOfOldestMessage(maximumPerMinute()))
                .threshold(DLQ_AGE_ALARM.toSeconds())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private void depthAlarm(Queue queue, String logicalName) {
        Alarm.Builder.create(this, logicalName + "-depth")
                .alarmName(settings.physicalName(logicalName) + "-depth")
                .alarmDescription("messages are waiting in " + logicalName + ": something failed for good")
                .metric(queue.metricApproximateNumberOfMessagesVisible(maximumPerMinute()))
                .threshold(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private void addFunction(FunctionSpec spec, Code code) {
        ServiceFunction function = new ServiceFunction(this, spec, code, settings, extraEnvironment(spec));
        // exactly what the catalogue declares: a read-only function cannot change a table it reads
        Catalogue.grants(spec.name()).forEach(grant -> grants.grant(spec.name(), function.role(), grant));
        functions.put(spec.name(), function);
        Suppressions.forFunction(function);
    }

    private Map<String, String> extraEnvironment(FunctionSpec spec) {
        boolean activates = resources.schedules().stream()
                .anyMatch(s -> s.name().equals(ACTIVATION_SCHEDULE) && s.function().equals(spec.name()));
        Map<String, String> extra = new LinkedHashMap<>();
        if (activates) {
            extra.put(ACTIVATION_BATCH_SIZE_ENV, String.valueOf(settings.activationBatchSize()));
        }
        if (spec.service() == Service.QUEUE) {
            extra.put(COUNTER_SHARDS_ENV, String.valueOf(COUNTER_SHARDS));
        }
        SagaStarters.arnConfigs(spec).forEach((key, machine) ->
                extra.put(key, SagaStarters.stateMachineArn(this, settings.physicalName(machine))));
        if (spec.service() == Service.POINT) {
            extra.putAll(PaymentProviderSettings.environment(this, settings));
        }
        if (spec.service() == Service.PAYMENT) {
            extra.putAll(PaymentProviderSettings.cardEnvironment(this, settings));
        }
        if (AdmissionPassKey.CONFIGURED.contains(spec.service())) {
            extra.put(AdmissionPassKey.KEY_ID_ENV, AdmissionPassKey.keyId(this, settings));
        }
        return extra;
    }

    private void addStreamSubscription(StreamSubscription subscription) {
        requireGranted(subscription.function(), Grant.readsStream(subscription.table()));
        requireGranted(subscription.function(), Grant.sends(subscription.failureQueue()));
        Table table = requireLocal(tables, subscription.table(), "table");
        ServiceFunction relay = requireLocal(functions, subscription.function(), "function");
        IQueue failures = queue(subscription.failureQueue());
        relay.alias().addEventSource(DynamoEventSource.Builder.create(table)
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(subscription.batchSize())
                .bisectBatchOnError(true)
                .retryAttempts(subscription.maxRetryAttempts())
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(failures))
                .build());
        // The on-failure destination is where a stream batch ends for good: nobody consumes it.
        if (failures instanceof Queue local) {
            depthAlarm(local, subscription.failureQueue());
        }
    }

    private void addQueueSubscription(QueueSubscription subscription) {
        requireGranted(subscription.function(), Grant.consumes(subscription.queue()));
        ServiceFunction consumer = requireLocal(functions, subscription.function(), "function");
        Queue queue = requireLocal(queues, subscription.queue(), "queue");
        SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                .batchSize(subscription.batchSize())
                .reportBatchItemFailures(true);
        if (subscription.maxBatchingWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(subscription.maxBatchingWindowSeconds()));
        }
        consumer.alias().addEventSource(source.build());
    }

    /**
     * An event source grants its function what it needs by itself; the catalogue must declare that too, so the
     * declaration stays the whole truth about what a function may do.
     */
    private static void requireGranted(String function, Grant needed) {
        if (!Catalogue.grants(function).contains(needed)) {
            throw new IllegalStateException(function + " is wired to " + needed.resource()
                    + " but its catalogue entry does not declare " + needed);
        }
    }

    private void addSchedule(ScheduleSpec spec) {
        ServiceFunction target = requireLocal(functions, spec.function(), "function");
        Schedule.Builder.create(this, spec.name())
                .scheduleName(settings.physicalName(spec.name()))
                .description("invokes " + spec.function() + " every " + spec.rateSeconds() + " s as declared; see rate()")
                .schedule(ScheduleExpression.rate(rate(spec)))
                .target(new LambdaInvoke(target.alias(), ScheduleTargetBaseProps.builder()
                        .input(ScheduleTargetInput.fromObject(scheduledEvent()))
                        // A missed run is superseded by the next one, so retrying a stale one only adds load.
                        .retryAttempts(0)
                        .maxEventAge(Duration.minutes(1))
                        .build()))
                .build();
    }

    /**
     * The event the local runtime's timer sends (local/runtime Schedules), filled from the scheduler's
     * context attributes, so a scheduled function sees the same shape in both places.
     */
    private static Map<String, Object> scheduledEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", ContextAttribute.getExecutionId());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.scheduler");
        event.put("account", Aws.ACCOUNT_ID);
        event.put("time", ContextAttribute.getScheduledTime());
        event.put("region", Aws.REGION);
        event.put("resources", List.of(ContextAttribute.getScheduleArn()));
        event.put("detail", Map.of());
        return event;
    }

    /**
     * EventBridge Scheduler's finest rate is one minute, so a faster declared rate (the local runtime's
     * timer honours seconds) is rounded up to whole minutes on AWS.
     */
    static Duration rate(ScheduleSpec spec) {
        return Duration.minutes(Math.max(1, (spec.rateSeconds() + 59) / 60));
    }

    private IQueue queue(String name) {
        Queue local = queues.get(name);
        if (local != null) {
            return local;
        }
        Catalogue.queue(name);
        return importedQueues.computeIfAbsent(name,
                imported -> Queue.fromQueueArn(this, "imported-" + imported, Arns.queue(this, settings.physicalName(imported))));
    }

    private <T> T requireLocal(Map<String, T> declared, String name, String what) {
        T found = declared.get(name);
        if (found == null) {
            throw new IllegalStateException(resources.service().id() + " wires " + what + " '" + name
                    + "' that it does not declare; a service only wires its own resources");
        }
        return found;
    }

    private static Attribute attribute(KeyAttribute key) {
        return Attribute.builder()
                .name(key.name())
                .type(switch (key.type()) {
                    case N -> AttributeType.NUMBER;
                    case S -> AttributeType.STRING;
                })
                .build();
    }

    /** {@code queue-tokens} → {@code QueueTokensTable}: output keys allow no dashes. */
    static String outputId(String tableName) {
        StringBuilder id = new StringBuilder();
        for (String word : tableName.split("-")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.append("Table").toString();
    }

    private static MetricOptions maximumPerMinute() {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build();
    }
}

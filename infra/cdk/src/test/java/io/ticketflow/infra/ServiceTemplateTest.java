package io.ticketflow.infra;

import io.ticketflow.catalog.FunctionSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueSpec;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.ScheduleSpec;
import io.ticketflow.catalog.Service;
import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.catalog.TableSpec;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import tools.jackson.databind.JsonNode;

/** Tables, queues, event-source mappings, schedules and the admission pass key of the service stacks. */
class ServiceTemplateTest {

    private final SynthesizedApp synth = SynthesizedApp.get();

    @Test
    void everyCatalogueTable_isOnDemandWithPitrAndItsKeysStreamTtlAndIndexes() {
        for (TableSpec spec : Catalogue.tables()) {
            JsonNode table = byProperty(spec.owner(), "AWS::DynamoDB::Table", "TableName", "ticketflow-dev-" + spec.name());

            assertThat(table.path("BillingMode").asString()).as(spec.name()).isEqualTo("PAY_PER_REQUEST");
            assertThat(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
            assertThat(table.path("DeletionProtectionEnabled").asBoolean()).as("dev stage: deletable").isFalse();
            assertThat(table.path("KeySchema").get(0).path("AttributeName").asString()).isEqualTo(spec.partitionKey().name());
            if (spec.sortKey() != null) {
                assertThat(table.path("KeySchema").get(1).path("AttributeName").asString()).isEqualTo(spec.sortKey().name());
                assertThat(table.path("KeySchema").get(1).path("KeyType").asString()).isEqualTo("RANGE");
            }
            assertThat(table.path("StreamSpecification").path("StreamViewType").asString(""))
                    .as(spec.name() + " stream").isEqualTo(spec.stream() ? "NEW_AND_OLD_IMAGES" : "");
            assertThat(table.path("TimeToLiveSpecification").path("AttributeName").asString(""))
                    .as(spec.name() + " ttl").isEqualTo(spec.ttlAttribute() == null ? "" : spec.ttlAttribute());
            assertThat(table.path("GlobalSecondaryIndexes").valueStream().map(i -> i.path("IndexName").asString()).toList())
                    .as(spec.name() + " indexes")
                    .containsExactlyInAnyOrderElementsOf(spec.indexes().stream().map(i -> i.name()).toList());
        }
    }

    @Test
    void everyCatalogueQueue_isEncryptedAndRedrivesToItsDlqAfterMaxReceiveCount() {
        for (QueueSpec spec : Catalogue.queues()) {
            JsonNode queue = byProperty(spec.owner(), "AWS::SQS::Queue", "QueueName", "ticketflow-dev-" + spec.name());
            String dlqId = synth.resources(synth.service(spec.owner()), "AWS::SQS::Queue").entrySet().stream()
                    .filter(e -> e.getValue().path("Properties").path("QueueName").asString()
                            .equals("ticketflow-dev-" + spec.deadLetterQueueName()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();

            assertThat(queue.path("RedrivePolicy").path("maxReceiveCount").asInt()).as(spec.name()).isEqualTo(spec.maxReceiveCount());
            assertThat(queue.path("RedrivePolicy").path("deadLetterTargetArn").path("Fn::GetAtt").get(0).asString()).isEqualTo(dlqId);
            assertThat(queue.path("VisibilityTimeout").asInt()).isEqualTo(spec.visibilityTimeoutSeconds());
            assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
        }
    }

    @Test
    void everyDlq_hasADepthAlarmAndAnAgeAlarm() {
        for (QueueSpec spec : Catalogue.queues()) {
            Map<String, JsonNode> alarms = synth.resources(synth.service(spec.owner()), "AWS::CloudWatch::Alarm");
            String dlq = "ticketflow-dev-" + spec.deadLetterQueueName();

            assertThat(alarms.values()).as(dlq).anySatisfy(a -> {
                assertThat(a.path("Properties").path("AlarmName").asString()).isEqualTo(dlq + "-depth");
                assertThat(a.path("Properties").path("MetricName").asString()).isEqualTo("ApproximateNumberOfMessagesVisible");
                assertThat(a.path("Properties").path("Threshold").asInt()).isEqualTo(1);
            });
            assertThat(alarms.values()).as(dlq).anySatisfy(a -> {
                assertThat(a.path("Properties").path("AlarmName").asString()).isEqualTo(dlq + "-age");
                assertThat(a.path("Properties").path("MetricName").asString()).isEqualTo("ApproximateAgeOfOldestMessage");
                assertThat(a.path("Properties").path("Threshold").asInt()).isEqualTo(3600);
            });
        }
    }

    @Test
    void streamSubscriptions_bisectRetryReportFailuresAndEndInTheFailureQueue() {
        assertThat(Catalogue.streamSubscriptions()).isNotEmpty();
        for (StreamSubscription subscription : Catalogue.streamSubscriptions()) {
            TableSpec table = Catalogue.table(subscription.table());
            ServiceStack stack = synth.service(table.owner());
            JsonNode mapping = mappingOf(stack, subscription.function());

            assertThat(mapping.path("EventSourceArn").path("Fn::GetAtt").get(1).asString()).isEqualTo("StreamArn");
            assertThat(mapping.path("BisectBatchOnFunctionError").asBoolean()).isTrue();
            assertThat(mapping.path("MaximumRetryAttempts").asInt()).isEqualTo(subscription.maxRetryAttempts());
            assertThat(mapping.path("BatchSize").asInt()).isEqualTo(subscription.batchSize());
            assertThat(mapping.path("FunctionResponseTypes").get(0).asString()).isEqualTo("ReportBatchItemFailures");
            String destination = mapping.path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt").get(0).asString();
            assertThat(synth.template(stack).path("Resources").path(destination).path("Properties").path("QueueName").asString())
                    .isEqualTo("ticketflow-dev-" + subscription.failureQueue());
        }
    }

    @Test
    void queueSubscriptions_reportBatchItemFailuresWithTheDeclaredBatch() {
        assertThat(Catalogue.queueSubscriptions()).isNotEmpty();
        for (QueueSubscription subscription : Catalogue.queueSubscriptions()) {
            ServiceStack stack = synth.service(Catalogue.queue(subscription.queue()).owner());
            JsonNode mapping = mappingOf(stack, subscription.function());
            String source = mapping.path("EventSourceArn").path("Fn::GetAtt").get(0).asString();

            assertThat(synth.template(stack).path("Resources").path(source).path("Properties").path("QueueName").asString())
                    .isEqualTo("ticketflow-dev-" + subscription.queue());
            assertThat(mapping.path("FunctionResponseTypes").get(0).asString()).isEqualTo("ReportBatchItemFailures");
            assertThat(mapping.path("BatchSize").asInt()).isEqualTo(subscription.batchSize());
            assertThat(mapping.path("MaximumBatchingWindowInSeconds").asInt(0)).isEqualTo(subscription.maxBatchingWindowSeconds());
        }
    }

    @Test
    void schedules_invokeTheLiveAliasAtTheirRateRoundedUpToWholeMinutes() {
        assertThat(Catalogue.schedules()).isNotEmpty();
        for (ScheduleSpec spec : Catalogue.schedules()) {
            ServiceStack stack = synth.service(Catalogue.function(spec.function()).service());
            JsonNode schedule = byProperty(Catalogue.function(spec.function()).service(), "AWS::Scheduler::Schedule",
                    "Name", "ticketflow-dev-" + spec.name());
            long minutes = Math.max(1, (spec.rateSeconds() + 59) / 60);

            assertThat(schedule.path("ScheduleExpression").asString())
                    .isEqualTo("rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)"));
            assertThat(synth.invokedFunctionName(stack, schedule.path("Target").path("Arn")))
                    .isEqualTo("ticketflow-dev-" + spec.function() + ":live");
            assertThat(schedule.path("Target").path("Input").toString()).contains("Scheduled Event", "aws.scheduler");
        }
    }

    @Test
    void activationFunction_getsTheBatchSizeFromContext() {
        ScheduleSpec activation = Catalogue.schedules().stream()
                .filter(s -> s.name().equals(ServiceStack.ACTIVATION_SCHEDULE)).findFirst().orElseThrow();
        JsonNode function = byProperty(Catalogue.function(activation.function()).service(), "AWS::Lambda::Function",
                "FunctionName", "ticketflow-dev-" + activation.function());

        assertThat(function.path("Environment").path("Variables").path("QUEUE_ACTIVATION_BATCH_SIZE").asString())
                .isEqualTo(String.valueOf(SynthesizedApp.BATCH_SIZE));
    }

    @Test
    void everyQueueFunction_opensQueuesWithStadiumCounterShards_andNoOtherServiceIsTold() {
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode function = byProperty(spec.service(), "AWS::Lambda::Function", "FunctionName", "ticketflow-dev-" + spec.name());
            JsonNode shards = function.path("Environment").path("Variables").path(ServiceStack.COUNTER_SHARDS_ENV);
            if (spec.service() == Service.QUEUE) {
                assertThat(shards.asString()).as(spec.name()).isEqualTo("16");
            } else {
                assertThat(shards.isMissingNode()).as(spec.name()).isTrue();
            }
        }
    }

    @Test
    void outputs_nameEveryTable() {
        for (TableSpec spec : Catalogue.tables()) {
            JsonNode output = synth.template(synth.service(spec.owner())).path("Outputs").path(ServiceStack.outputId(spec.name()));

            assertThat(output.path("Value").path("Ref").asString()).as(spec.name()).isNotEmpty();
            assertThat(output.path("Description").asString()).contains(spec.name());
        }
        assertThat(ServiceStack.outputId("queue-tokens")).isEqualTo("QueueTokensTable");
    }

    @Test
    void queueStack_holdsTheAdmissionPassKey_aP256SigningKeyNamedByItsAlias() {
        ServiceStack queue = synth.service(Service.QUEUE);
        Map<String, JsonNode> keys = synth.resources(queue, "AWS::KMS::Key");
        assertThat(keys).hasSize(1);
        String keyId = keys.keySet().iterator().next();
        JsonNode key = keys.get(keyId);
        JsonNode alias = synth.resources(queue, "AWS::KMS::Alias").values().iterator().next().path("Properties");

        assertThat(key.path("Properties").path("KeySpec").asString()).isEqualTo("ECC_NIST_P256");
        assertThat(key.path("Properties").path("KeyUsage").asString()).isEqualTo("SIGN_VERIFY");
        assertThat(key.path("Properties").path("Description").asString()).contains("admission passes");
        assertThat(key.path("DeletionPolicy").asString()).as("dev stage: deletable").isEqualTo("Delete");
        assertThat(key.path("Properties").path("KeyPolicy").toString())
                .as("functions get the key through their roles' policies, not the key policy").doesNotContain("Role");
        assertThat(alias.path("AliasName").asString()).isEqualTo("alias/ticketflow-dev-admission-pass");
        assertThat(alias.path("TargetKeyId").path("Fn::GetAtt").get(0).asString()).isEqualTo(keyId);
        for (ServiceStack other : synth.stacks().services()) {
            if (other != queue) {
                assertThat(synth.resources(other, "AWS::KMS::Key")).as(other.getStackName()).isEmpty();
            }
        }
    }

    @Test
    void admissionPassKey_isRetainedWhenAProdStackIsDeleted() {
        DeploymentSettings dev = synth.settings();
        DeploymentSettings prod = new DeploymentSettings(Stage.PROD, dev.repoRoot(), dev.version(), dev.jwtIssuer(),
                dev.jwtAudience(), List.of(), dev.activationBatchSize(), dev.sagaDefinition());
        Stack stack = new Stack(new App(), "prod-key");
        AdmissionPassKey.create(stack, prod);
        Template template = Template.fromStack(stack);

        template.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        template.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/ticketflow-prod-admission-pass"));
    }

    private JsonNode mappingOf(ServiceStack stack, String function) {
        return synth.resources(stack, "AWS::Lambda::EventSourceMapping").values().stream()
                .map(m -> m.path("Properties"))
                .filter(p -> synth.invokedFunctionName(stack, p.path("FunctionName"))
                        .equals("ticketflow-dev-" + function + ":live"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event source mapping for " + function));
    }

    private JsonNode byProperty(Service owner, String type, String property, String value) {
        return synth.resources(synth.service(owner), type).values().stream()
                .map(r -> r.path("Properties"))
                .filter(p -> p.path(property).asString("").equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " with " + property + "=" + value));
    }
}

package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.EventRoute;
import io.ticketflow.catalog.FunctionKind;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.Service;
import io.ticketflow.catalog.StreamSubscription;
import tools.jackson.databind.JsonNode;

/** One Lambda function per function bean, its configuration, and what its role may do. */
class FunctionTemplateTest {

    private final SynthesizedApp synth = SynthesizedApp.get();

    @Test
    void everyFunctionBean_isAJava21FunctionInvokerWithItsDefinitionAndStartClass() {
        assertThat(Catalogue.functions()).isNotEmpty();
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode function = function(spec);
            JsonNode environment = function.path("Environment").path("Variables");

            assertThat(function.path("Runtime").asString()).as(spec.name()).isEqualTo("java21");
            assertThat(function.path("Handler").asString())
                    .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
            assertThat(environment.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo(spec.name());
            assertThat(environment.path("MAIN_CLASS").asString()).isEqualTo(ServiceFunction.mainClass(spec.service()));
            assertThat(environment.path("TICKETFLOW_RESOURCE_PREFIX").asString()).isEqualTo("ticketflow-dev-");
            assertThat(environment.path("JAVA_TOOL_OPTIONS").asString())
                    .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        }
        assertThat(ServiceFunction.mainClass(Service.RESERVATION))
                .isEqualTo("io.ticketflow.reservation.ReservationFunctions");
    }

    @Test
    void everyFunction_hasSnapStartTracingItsSizeAndReservedConcurrencyWhereDeclared() {
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode function = function(spec);

            assertThat(function.path("SnapStart").path("ApplyOn").asString()).as(spec.name()).isEqualTo("PublishedVersions");
            assertThat(function.path("TracingConfig").path("Mode").asString()).isEqualTo("Active");
            assertThat(function.path("MemorySize").asInt()).isEqualTo(spec.memoryMb());
            assertThat(function.path("Timeout").asInt()).isEqualTo(spec.timeoutSeconds());
            if (spec.reservedConcurrency() == null) {
                assertThat(function.has("ReservedConcurrentExecutions")).as(spec.name()).isFalse();
            } else {
                assertThat(function.path("ReservedConcurrentExecutions").asInt()).isEqualTo(spec.reservedConcurrency());
            }
        }
    }

    @Test
    void everyFunction_logsToItsOwnGroupWithTheStageRetention() {
        for (FunctionSpec spec : Catalogue.functions()) {
            ServiceStack stack = synth.service(spec.service());
            String logGroupId = function(spec).path("LoggingConfig").path("LogGroup").path("Ref").asString();
            JsonNode logGroup = synth.template(stack).path("Resources").path(logGroupId).path("Properties");

            assertThat(logGroup.path("LogGroupName").asString()).isEqualTo("/aws/lambda/ticketflow-dev-" + spec.name());
            assertThat(logGroup.path("RetentionInDays").asInt()).isEqualTo(7);
        }
    }

    @Test
    void everyFunction_isReachedThroughALiveAliasOnAPublishedVersion() {
        for (FunctionSpec spec : Catalogue.functions()) {
            ServiceStack stack = synth.service(spec.service());
            String functionId = logicalId(stack, "AWS::Lambda::Function", spec);

            assertThat(synth.resources(stack, "AWS::Lambda::Alias").values())
                    .as(spec.name())
                    .anySatisfy(alias -> {
                        assertThat(alias.path("Properties").path("Name").asString()).isEqualTo("live");
                        assertThat(alias.path("Properties").path("FunctionName").path("Ref").asString()).isEqualTo(functionId);
                        assertThat(alias.path("Properties").path("FunctionVersion").path("Fn::GetAtt").get(1).asString())
                                .isEqualTo("Version");
                    });
        }
    }

    @Test
    void functions_getReadWriteOnTheirOwnServiceTablesOnly_andRelaysNone() {
        for (FunctionSpec spec : Catalogue.functions()) {
            ServiceStack stack = synth.service(spec.service());
            List<JsonNode> dynamoStatements = statements(spec).stream()
                    .filter(s -> s.path("Action").toString().contains("dynamodb:"))
                    .toList();
            List<String> ownTables = List.copyOf(synth.resources(stack, "AWS::DynamoDB::Table").keySet());

            for (JsonNode statement : dynamoStatements) {
                for (JsonNode resource : asList(statement.path("Resource"))) {
                    if (resource.isString()) {
                        assertThat(resource.asString()).as("only ListStreams has no resource").isEqualTo("*");
                        assertThat(statement.path("Action").asString()).isEqualTo("dynamodb:ListStreams");
                    } else {
                        assertThat(resource.toString()).as(spec.name() + " " + resource)
                                .containsAnyOf(ownTables.stream().map(id -> "\"" + id + "\"").toArray(String[]::new));
                    }
                }
            }
            boolean writes = dynamoStatements.stream().anyMatch(s -> s.path("Action").toString().contains("dynamodb:PutItem"));
            assertThat(writes).as(spec.name() + " writes tables").isEqualTo(spec.kind() != FunctionKind.STREAM);
        }
    }

    @Test
    void relays_mayReadTheirStreamAndSendToEveryRoutedQueue() {
        for (StreamSubscription subscription : Catalogue.streamSubscriptions()) {
            FunctionSpec relay = Catalogue.function(subscription.function());
            List<JsonNode> statements = statements(relay);
            List<String> routedQueues = Catalogue.eventRoutes().stream()
                    .filter(r -> r.sourceTable().equals(subscription.table()))
                    .map(EventRoute::queue).distinct().toList();

            assertThat(statements).anySatisfy(s -> {
                assertThat(s.path("Action").toString()).contains("dynamodb:GetRecords");
                assertThat(s.path("Resource").toString()).contains("StreamArn");
            });
            assertThat(routedQueues).isNotEmpty();
            for (String queue : routedQueues) {
                assertThat(statements).as(relay.name() + " → " + queue).anySatisfy(s -> {
                    assertThat(s.path("Action").toString()).contains("sqs:SendMessage");
                    assertThat(queueReference(s.path("Resource"), queue)).isTrue();
                });
            }
        }
    }

    /**
     * A queue of another service's stack is named by its ARN (no cross-stack exports); a queue of the relay's
     * own stack is referenced through its construct (Fn::GetAtt of the queue's logical id).
     */
    private static boolean queueReference(JsonNode resource, String queue) {
        if (SynthesizedApp.text(resource).endsWith(":ticketflow-dev-" + queue)) {
            return true;
        }
        JsonNode getAtt = resource.path("Fn::GetAtt");
        return getAtt.isArray() && getAtt.get(0).asString().startsWith(queue.replace("-", ""))
                && "Arn".equals(getAtt.get(1).asString());
    }

    @Test
    void consumers_mayConsumeTheirQueue() {
        for (QueueSubscription subscription : Catalogue.queueSubscriptions()) {
            FunctionSpec consumer = Catalogue.function(subscription.function());
            String queueId = synth.resources(synth.service(consumer.service()), "AWS::SQS::Queue").entrySet().stream()
                    .filter(e -> e.getValue().path("Properties").path("QueueName").asString()
                            .equals("ticketflow-dev-" + subscription.queue()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();

            assertThat(statements(consumer)).anySatisfy(s -> {
                assertThat(s.path("Action").toString()).contains("sqs:ReceiveMessage", "sqs:DeleteMessage");
                assertThat(s.path("Resource").toString()).contains(queueId);
            });
        }
    }

    @Test
    void sagaCallers_mayDoExactlyWhatTheyNeed_onTheirStateMachine_andFindItsArnInTheirEnvironment() {
        String machines = "arn:{AWS::Partition}:states:{AWS::Region}:{AWS::AccountId}:stateMachine:ticketflow-dev-";
        String executions = "arn:{AWS::Partition}:states:{AWS::Region}:{AWS::AccountId}:execution:ticketflow-dev-";
        Map<String, Map<String, List<String>>> allowed = Map.of(
                "holdSeats", Map.of(machines + "booking-saga", List.of("states:StartExecution")),
                "cancelBooking", Map.of(machines + "booking-cancellation", List.of("states:StartExecution")),
                "pay", Map.of(machines + "booking-saga", List.of("states:SendTaskSuccess", "states:SendTaskFailure"),
                        executions + "booking-saga:*", List.of("states:DescribeExecution")),
                "bookingStatus", Map.of(executions + "booking-saga:*",
                        List.of("states:DescribeExecution", "states:GetExecutionHistory"),
                        executions + "booking-cancellation:*",
                        List.of("states:DescribeExecution", "states:GetExecutionHistory")));
        for (FunctionSpec spec : Catalogue.functions()) {
            Map<String, List<String>> granted = new java.util.HashMap<>();
            statements(spec).stream()
                    .filter(s -> s.path("Action").toString().contains("states:"))
                    .forEach(s -> asList(s.path("Resource")).forEach(r -> granted.put(SynthesizedApp.text(r),
                            asList(s.path("Action")).stream().map(JsonNode::asString).toList())));
            assertThat(granted).as(spec.name()).isEqualTo(allowed.getOrDefault(spec.name(), Map.of()));

            // Payment and Reservation functions build their saga clients at start, so each needs their ARNs
            Map<String, String> arns = switch (spec.service()) {
                case PAYMENT, RESERVATION -> Map.of("BOOKING_SAGA_ARN", "booking-saga", "BOOKING_CANCELLATION_ARN", "booking-cancellation");
                default -> Map.of();
            };
            JsonNode environment = function(spec).path("Environment").path("Variables");
            arns.forEach((arnKey, machine) -> assertThat(SynthesizedApp.text(environment.path(arnKey)))
                    .as(spec.name() + " " + arnKey).isEqualTo(machines + machine));
            if (arns.isEmpty()) {
                assertThat(environment.has("BOOKING_SAGA_ARN") || environment.has("BOOKING_CANCELLATION_ARN"))
                        .as(spec.name()).isFalse();
            }
        }
    }

    @Test
    void pointFunctions_getTheProviderUrlAndTheWebhookSecretFromSecretsManager_andNoOtherFunctionGetsTheSecret() {
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode environment = function(spec).path("Environment").path("Variables");

            if (spec.service() == Service.POINT) {
                assertThat(environment.path("POINT_PROVIDER_URL").asString()).as(spec.name()).startsWith("https://");
                // a dynamic reference: CloudFormation resolves it at deploy time, the template never holds the secret
                assertThat(SynthesizedApp.text(environment.path("POINT_WEBHOOK_SECRET"))).as(spec.name())
                        .isEqualTo("{{resolve:secretsmanager:ticketflow/dev/payment-webhook:SecretString:::}}");
            } else {
                assertThat(environment.has("POINT_WEBHOOK_SECRET")).as(spec.name()).isFalse();
            }
        }
    }

    @Test
    void passServices_nameTheAdmissionPassKeyByItsAlias_andNoOtherFunctionNamesAKey() {
        Set<Service> passServices = Set.of(Service.QUEUE, Service.RESERVATION, Service.PAYMENT);
        String aliasArn = "arn:{AWS::Partition}:kms:{AWS::Region}:{AWS::AccountId}:" + admissionPassAlias();
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode environment = function(spec).path("Environment").path("Variables");

            if (passServices.contains(spec.service())) {
                // every function of these services builds its pass signer or verifier at start-up, used or not
                assertThat(SynthesizedApp.text(environment.path("TICKETFLOW_ADMISSION_KMS_KEY_ID"))).as(spec.name())
                        .isEqualTo(aliasArn);
            } else {
                assertThat(environment.has("TICKETFLOW_ADMISSION_KMS_KEY_ID")).as(spec.name()).isFalse();
            }
            // the local runtime's own keys: on AWS they would let a pass be signed without KMS
            assertThat(environment.has("TICKETFLOW_ADMISSION_SIGNING_KEY")).as(spec.name()).isFalse();
            assertThat(environment.has("TICKETFLOW_ADMISSION_PUBLIC_KEY")).as(spec.name()).isFalse();
        }
    }

    @Test
    void onlyPassIssuersMaySign_andOnlyPassCheckersMayReadThePublicKey_ofTheAdmissionPassKeyAlone() {
        String keyId = synth.resources(synth.service(Service.QUEUE), "AWS::KMS::Key").keySet().iterator().next();
        Map<String, List<String>> allowed = Map.of(
                "enterQueue", List.of("kms:Sign"),
                "queueStatus", List.of("kms:Sign"),
                "holdSeats", List.of("kms:GetPublicKey"),
                "getReservation", List.of("kms:GetPublicKey"),
                "cancelReservation", List.of("kms:GetPublicKey"),
                "pay", List.of("kms:GetPublicKey"));
        Map<String, List<String>> granted = new HashMap<>();
        for (FunctionSpec spec : Catalogue.functions()) {
            for (JsonNode statement : statements(spec)) {
                List<String> kmsActions = asList(statement.path("Action")).stream()
                        .map(JsonNode::asString).filter(action -> action.startsWith("kms:")).toList();
                if (kmsActions.isEmpty()) {
                    continue;
                }
                granted.computeIfAbsent(spec.name(), name -> new ArrayList<>()).addAll(kmsActions);
                if (kmsActions.contains("kms:Sign")) {
                    assertThat(statement.path("Resource").path("Fn::GetAtt").get(0).asString()).as(spec.name())
                            .isEqualTo(keyId);
                } else {
                    // the key is in the queue stack: another stack reaches it only through its alias
                    assertThat(SynthesizedApp.text(statement.path("Resource"))).as(spec.name())
                            .isEqualTo("arn:{AWS::Partition}:kms:{AWS::Region}:{AWS::AccountId}:key/*");
                    assertThat(statement.path("Condition").path("ForAnyValue:StringEquals")
                            .path("kms:ResourceAliases").asString()).as(spec.name()).isEqualTo(admissionPassAlias());
                }
            }
        }

        // every other function (the sweepers, consumers, saga tasks, relays) may do nothing with the key
        assertThat(granted).isEqualTo(allowed);
    }

    /** The alias of the one KMS key of the deployment, in the queue stack. */
    private String admissionPassAlias() {
        return synth.resources(synth.service(Service.QUEUE), "AWS::KMS::Alias").values().iterator().next()
                .path("Properties").path("AliasName").asString();
    }

    private JsonNode function(FunctionSpec spec) {
        ServiceStack stack = synth.service(spec.service());
        return synth.template(stack).path("Resources").path(logicalId(stack, "AWS::Lambda::Function", spec)).path("Properties");
    }

    private String logicalId(ServiceStack stack, String type, FunctionSpec spec) {
        return synth.resources(stack, type).entrySet().stream()
                .filter(e -> e.getValue().path("Properties").path("FunctionName").asString("")
                        .equals("ticketflow-dev-" + spec.name()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function ticketflow-dev-" + spec.name()));
    }

    /** Every statement of every policy attached to the function's role. */
    private List<JsonNode> statements(FunctionSpec spec) {
        ServiceStack stack = synth.service(spec.service());
        String roleId = function(spec).path("Role").path("Fn::GetAtt").get(0).asString();
        List<JsonNode> statements = new ArrayList<>();
        synth.resources(stack, "AWS::IAM::Policy").values().stream()
                .map(p -> p.path("Properties"))
                .filter(p -> p.path("Roles").toString().contains("\"" + roleId + "\""))
                .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        return statements;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }
}

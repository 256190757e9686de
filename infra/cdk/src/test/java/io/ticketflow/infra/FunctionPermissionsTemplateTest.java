package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Grant;
import tools.jackson.databind.JsonNode;

/**
 * Least privilege: each function's role may do exactly what its catalogue entry declares, on exactly the resources
 * it names, besides writing its own logs and traces. Resources are compared as readable names (a table, its index or
 * stream, a queue, a state machine ARN), whichever way the template spells them.
 */
class FunctionPermissionsTemplateTest {

    private static final String ARN = "arn:{AWS::Partition}:%s:{AWS::Region}:{AWS::AccountId}:%s";

    /** The IAM actions each kind of grant stands for: the contract of a declaration. */
    private static final Map<Grant.Access, List<String>> ACTIONS = Map.ofEntries(
            Map.entry(Grant.Access.READ, List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query")),
            Map.entry(Grant.Access.WRITE, List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                    "dynamodb:ConditionCheckItem")),
            Map.entry(Grant.Access.READ_INDEX, List.of("dynamodb:Query")),
            Map.entry(Grant.Access.READ_STREAM, List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
                    "dynamodb:GetShardIterator")),
            Map.entry(Grant.Access.SEND, List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl")),
            Map.entry(Grant.Access.CONSUME, List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                    "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes")),
            Map.entry(Grant.Access.START_EXECUTION, List.of("states:StartExecution")),
            Map.entry(Grant.Access.SEND_TASK_SUCCESS, List.of("states:SendTaskSuccess")),
            Map.entry(Grant.Access.DESCRIBE_EXECUTION, List.of("states:DescribeExecution")),
            Map.entry(Grant.Access.READ_EXECUTION_HISTORY, List.of("states:GetExecutionHistory")),
            Map.entry(Grant.Access.SIGN_ADMISSION_PASS, List.of("kms:Sign")),
            Map.entry(Grant.Access.VERIFY_ADMISSION_PASS, List.of("kms:GetPublicKey")));

    /** Actions that change data or move a saga on. */
    private static final Set<String> CHANGES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "sqs:SendMessage",
            "sqs:DeleteMessage", "states:StartExecution", "states:SendTaskSuccess", "states:SendTaskFailure");

    private final SynthesizedApp synth = SynthesizedApp.get();

    @Test
    void everyFunctionRole_mayDoExactlyWhatItsCatalogueEntryDeclares_onTheResourcesItNames() {
        for (FunctionSpec spec : Catalogue.functions()) {
            assertThat(granted(spec)).as(spec.name()).isEqualTo(declared(spec));
        }
    }

    @Test
    void readOnlyFunctions_mayChangeNothing() {
        // getPayment could change payment-intents (the saga's task tokens) and pointBalance the ledger, before #12
        // queueStatus is not among them since the fair gate (#16): a status read records that its user is still there
        // and gives an abandoned place back, so it writes the token and its event
        List<String> readers = List.of("getPayment", "bookingStatus", "pointBalance", "pointHistory", "queueNowServing",
                "listConcerts", "listSchedules", "seatMap", "getReservation");
        for (String reader : readers) {
            assertThat(granted(Catalogue.function(reader)))
                    .as(reader)
                    .noneMatch(permission -> CHANGES.contains(permission.substring(0, permission.indexOf(' '))));
        }
    }

    @Test
    void cancelBooking_mayFindTheCancellationItStarted_andStuckBookingsReachTheirQueue() {
        // both were missing while every function got its service's tables: the repeat and the report failed on AWS
        assertThat(granted(Catalogue.function("cancelBooking"))).contains(
                "states:DescribeExecution " + String.format(ARN, "states", "execution:ticketflow-dev-booking-cancellation:*"));
        assertThat(granted(Catalogue.function("reportStuckBooking")))
                .contains("sqs:SendMessage queue:ticketflow-dev-booking-compensation-failures");
    }

    /** "action resource" for every grant of the declaration, and the function's own logs and traces. */
    private Set<String> declared(FunctionSpec spec) {
        Set<String> permissions = new TreeSet<>();
        String physical = synth.settings().physicalName(spec.name());
        permissions.add("logs:CreateLogStream log-group:/aws/lambda/" + physical);
        permissions.add("logs:PutLogEvents log-group:/aws/lambda/" + physical);
        permissions.add("xray:PutTraceSegments *");
        permissions.add("xray:PutTelemetryRecords *");
        for (Grant grant : Catalogue.grants(spec.name())) {
            String name = grant.resource() == null ? null : synth.settings().physicalName(grant.resource());
            String resource = switch (grant.access()) {
                case READ, WRITE -> "table:" + name;
                case READ_INDEX -> "table:" + name + "/index/" + grant.index();
                case READ_STREAM -> "stream:" + name;
                case SEND, CONSUME -> "queue:" + name;
                case START_EXECUTION, SEND_TASK_SUCCESS -> String.format(ARN, "states", "stateMachine:" + name);
                case DESCRIBE_EXECUTION, READ_EXECUTION_HISTORY -> String.format(ARN, "states", "execution:" + name + ":*");
                case SIGN_ADMISSION_PASS -> "kms-key:" + synth.settings().physicalName("admission-pass");
                case VERIFY_ADMISSION_PASS -> String.format(ARN, "kms", "key/*");
                case RELAY -> throw new AssertionError("Catalogue.grants resolves relays: " + spec.name());
            };
            ACTIONS.get(grant.access()).forEach(action -> permissions.add(action + " " + resource));
            if (grant.access() == Grant.Access.READ_STREAM) {
                permissions.add("dynamodb:ListStreams *");
            }
        }
        return permissions;
    }

    /** "action resource" for every statement of every policy attached to the function's role. */
    private Set<String> granted(FunctionSpec spec) {
        ServiceStack stack = synth.service(spec.service());
        JsonNode resources = synth.template(stack).path("Resources");
        String functionId = synth.resources(stack, "AWS::Lambda::Function").entrySet().stream()
                .filter(e -> e.getValue().path("Properties").path("FunctionName").asString()
                        .equals(synth.settings().physicalName(spec.name())))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        String roleId = resources.path(functionId).path("Properties").path("Role").path("Fn::GetAtt").get(0).asString();
        assertThat(resources.path(roleId).path("Properties").has("ManagedPolicyArns")).as(spec.name()).isFalse();
        assertThat(resources.path(roleId).path("Properties").has("Policies")).as(spec.name()).isFalse();

        Set<String> permissions = new TreeSet<>();
        synth.resources(stack, "AWS::IAM::Policy").values().stream()
                .map(policy -> policy.path("Properties"))
                .filter(policy -> policy.path("Roles").toString().contains("{\"Ref\":\"" + roleId + "\"}"))
                .forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statement -> {
                    assertThat(statement.path("Effect").asString()).isEqualTo("Allow");
                    for (JsonNode action : SynthesizedApp.elements(statement.path("Action"))) {
                        for (JsonNode resource : SynthesizedApp.elements(statement.path("Resource"))) {
                            permissions.add(action.asString() + " " + name(resources, resource));
                        }
                    }
                }));
        return permissions;
    }

    /** A table, stream, queue, log group or key of the stack by its physical name; any other ARN as its text. */
    private static String name(JsonNode resources, JsonNode reference) {
        JsonNode getAtt = reference.path("Fn::GetAtt");
        if (getAtt.isArray()) {
            JsonNode target = resources.path(getAtt.get(0).asString());
            JsonNode properties = target.path("Properties");
            String attribute = getAtt.get(1).asString();
            return switch (target.path("Type").asString()) {
                case "AWS::DynamoDB::Table" -> (attribute.equals("StreamArn") ? "stream:" : "table:")
                        + properties.path("TableName").asString();
                case "AWS::SQS::Queue" -> "queue:" + properties.path("QueueName").asString();
                case "AWS::Logs::LogGroup" -> "log-group:" + properties.path("LogGroupName").asString();
                case "AWS::KMS::Key" -> "kms-key:" + aliasOf(resources, getAtt.get(0).asString());
                default -> reference.toString();
            };
        }
        if (reference.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            reference.get("Fn::Join").get(1).forEach(part -> joined.append(part.has("Fn::GetAtt")
                    ? name(resources, part) : SynthesizedApp.text(part)));
            String text = joined.toString();
            // a queue of another service's stack is named by its ARN
            String queuePrefix = String.format(ARN, "sqs", "");
            return text.startsWith(queuePrefix) ? "queue:" + text.substring(queuePrefix.length()) : text;
        }
        return SynthesizedApp.text(reference);
    }

    private static String aliasOf(JsonNode resources, String keyId) {
        for (JsonNode resource : resources) {
            if (resource.path("Type").asString().equals("AWS::KMS::Alias")
                    && resource.path("Properties").path("TargetKeyId").toString().contains("\"" + keyId + "\"")) {
                return resource.path("Properties").path("AliasName").asString().substring("alias/".length());
            }
        }
        throw new AssertionError("no alias names the key " + keyId);
    }
}

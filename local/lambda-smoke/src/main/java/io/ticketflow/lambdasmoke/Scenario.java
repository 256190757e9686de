package io.ticketflow.lambdasmoke;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One function started under the emulator and one recorded event sent to it ({@code events/lambda/}),
 * with what its answer must say. Together the scenarios start every service's jar once and send each
 * kind of event the deployed app receives: API Gateway HTTP API v2, SQS batch, DynamoDB stream batch and
 * a Step Functions task input.
 *
 * @param check returns what is wrong with the answer, nothing when it is right
 */
record Scenario(String bean, String eventKind, String fixture, Function<JsonNode, List<String>> check) {

    static List<Scenario> all(JsonMapper json) {
        return List.of(
                new Scenario("queueStatus", "HTTP API v2", "apigw-v2-queue-status-unknown.json",
                        answer -> httpProblem(json, answer, 404)),
                new Scenario("concertEventsRelay", "DynamoDB stream", "dynamodb-stream-concert-published.json",
                        answer -> batchItemFailures(answer, List.of())),
                new Scenario("reservationAdmissionConsumer", "SQS batch", "sqs-queue-expired-and-poison.json",
                        // the poison message alone goes back to the queue; the good one is consumed
                        answer -> batchItemFailures(answer, List.of("d2b4e6f8-1a3c-4e5f-8071-92a3b4c5d6e7"))),
                new Scenario("getPayment", "HTTP API v2", "apigw-v2-get-payment-unknown.json",
                        answer -> httpProblem(json, answer, 404)),
                new Scenario("chargePoints", "HTTP API v2", "apigw-v2-charge-points.json",
                        answer -> httpBody(json, answer, 200, "balance", 500)),
                // runs after chargePoints on the same tables: 500 − 300
                new Scenario("deductPoints", "Step Functions task", "sfn-task-deduct-points.json",
                        answer -> field(answer, "balance", 200)));
    }

    private static List<String> httpProblem(JsonMapper json, JsonNode answer, int status) {
        List<String> wrong = new ArrayList<>(statusCode(answer, status));
        String contentType = answer.path("headers").path("content-type").asString("");
        if (!contentType.startsWith("application/problem+json")) {
            wrong.add("content-type " + contentType + ", expected application/problem+json");
        }
        JsonNode body = json.readTree(answer.path("body").asString("{}"));
        if (body.path("status").asInt() != status) {
            wrong.add("problem status " + body.path("status") + ", expected " + status);
        }
        return wrong;
    }

    private static List<String> httpBody(JsonMapper json, JsonNode answer, int status, String name, long value) {
        List<String> wrong = new ArrayList<>(statusCode(answer, status));
        wrong.addAll(field(json.readTree(answer.path("body").asString("{}")), name, value));
        return wrong;
    }

    private static List<String> statusCode(JsonNode answer, int status) {
        return answer.path("statusCode").asInt() == status ? List.of()
                : List.of("statusCode " + answer.path("statusCode") + ", expected " + status);
    }

    private static List<String> field(JsonNode node, String name, long value) {
        return node.path(name).isNumber() && node.path(name).asLong() == value ? List.of()
                : List.of(name + " " + node.path(name) + ", expected " + value);
    }

    private static List<String> batchItemFailures(JsonNode answer, List<String> messageIds) {
        if (!answer.path("batchItemFailures").isArray()) {
            return List.of("no batchItemFailures array in " + answer);
        }
        List<String> failed = new ArrayList<>();
        answer.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asString()));
        return failed.equals(messageIds) ? List.of()
                : List.of("batchItemFailures " + failed + ", expected " + messageIds);
    }
}

package io.ticketflow.local.stepfunctions;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Step Functions JSON 1.0 protocol: one operation's request document to its response document, with the
 * member names and shapes of the AWS API (timestamps in epoch seconds, paginated lists with {@code nextToken}).
 */
final class SfnJsonApi {

    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final StepFunctionsEmulator emulator;

    SfnJsonApi(StepFunctionsEmulator emulator) {
        this.emulator = emulator;
    }

    /** @throws StepFunctionsException with the AWS error code to send back */
    JsonNode handle(String operation, JsonNode request) {
        return switch (operation) {
            case "CreateStateMachine" -> createStateMachine(request);
            case "DescribeStateMachine" -> describeStateMachine(emulator.describeStateMachine(
                    required(request, "stateMachineArn")));
            case "ListStateMachines" -> page(request, "stateMachines", emulator.listStateMachines(),
                    this::stateMachineListItem);
            case "StartExecution" -> startExecution(request);
            case "DescribeExecution" -> describeExecution(emulator.describeExecution(
                    required(request, "executionArn")));
            case "GetExecutionHistory" -> executionHistory(request);
            case "ListExecutions" -> listExecutions(request);
            case "StopExecution" -> Json.object().put("stopDate", epochSeconds(emulator.stopExecution(
                    required(request, "executionArn"), optional(request, "error"), optional(request, "cause"))
                    .stopDate()));
            case "SendTaskSuccess" -> {
                emulator.sendTaskSuccess(required(request, "taskToken"), required(request, "output"));
                yield Json.object();
            }
            case "SendTaskFailure" -> {
                emulator.sendTaskFailure(required(request, "taskToken"), optional(request, "error"),
                        optional(request, "cause"));
                yield Json.object();
            }
            case "SendTaskHeartbeat" -> {
                emulator.sendTaskHeartbeat(required(request, "taskToken"));
                yield Json.object();
            }
            default -> throw new StepFunctionsException("UnknownOperationException",
                    "The local Step Functions emulator does not implement " + operation);
        };
    }

    private JsonNode createStateMachine(JsonNode request) {
        String type = optional(request, "type");
        if (type != null && !type.equals("STANDARD")) {
            throw new StepFunctionsException("StateMachineTypeNotSupported",
                    "The local emulator runs STANDARD state machines only, not " + type);
        }
        String arn = emulator.createStateMachine(required(request, "name"), required(request, "definition"),
                optional(request, "roleArn"));
        return Json.object().put("stateMachineArn", arn)
                .put("creationDate", epochSeconds(emulator.describeStateMachine(arn).creationDate()));
    }

    private JsonNode describeStateMachine(StateMachineDescription machine) {
        ObjectNode response = stateMachineListItem(machine).put("status", "ACTIVE")
                .put("definition", machine.definition());
        if (machine.roleArn() != null) {
            response.put("roleArn", machine.roleArn());
        }
        return response;
    }

    private ObjectNode stateMachineListItem(StateMachineDescription machine) {
        return Json.object().put("stateMachineArn", machine.stateMachineArn()).put("name", machine.name())
                .put("type", "STANDARD").put("creationDate", epochSeconds(machine.creationDate()));
    }

    private JsonNode startExecution(JsonNode request) {
        ExecutionDescription execution = emulator.startExecution(required(request, "stateMachineArn"),
                optional(request, "name"), optional(request, "input"));
        return Json.object().put("executionArn", execution.executionArn())
                .put("startDate", epochSeconds(execution.startDate()));
    }

    private JsonNode describeExecution(ExecutionDescription execution) {
        ObjectNode response = executionListItem(execution).put("input", execution.input());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.putObject("outputDetails").put("included", true);
        }
        putIfPresent(response, "error", execution.error());
        putIfPresent(response, "cause", execution.cause());
        return response;
    }

    private ObjectNode executionListItem(ExecutionDescription execution) {
        ObjectNode item = Json.object().put("executionArn", execution.executionArn())
                .put("stateMachineArn", execution.stateMachineArn()).put("name", execution.name())
                .put("status", execution.status().name()).put("startDate", epochSeconds(execution.startDate()));
        if (execution.stopDate() != null) {
            item.put("stopDate", epochSeconds(execution.stopDate()));
        }
        return item;
    }

    private JsonNode listExecutions(JsonNode request) {
        String filter = optional(request, "statusFilter");
        ExecutionStatus status;
        try {
            status = filter == null ? null : ExecutionStatus.valueOf(filter);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException("ValidationException", "Unknown statusFilter " + filter);
        }
        return page(request, "executions",
                emulator.listExecutions(required(request, "stateMachineArn"), status), this::executionListItem);
    }

    private JsonNode executionHistory(JsonNode request) {
        List<HistoryEvent> events = new ArrayList<>(emulator.getExecutionHistory(required(request, "executionArn")));
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        return page(request, "events", events, event -> eventJson(event, includeData));
    }

    private static ObjectNode eventJson(HistoryEvent event, boolean includeData) {
        ObjectNode json = Json.object().put("timestamp", epochSeconds(event.timestamp())).put("type", event.type())
                .put("id", event.id()).put("previousEventId", event.previousEventId());
        if (event.detailsName() != null) {
            ObjectNode details = (ObjectNode) event.details();
            if (!includeData) {
                details.remove(List.of("input", "inputDetails", "output", "outputDetails"));
            }
            json.set(event.detailsName(), details);
        }
        return json;
    }

    private static <T> JsonNode page(JsonNode request, String field, List<T> items, Function<T, ObjectNode> toJson) {
        int size = request.path("maxResults").asInt(0);
        size = size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
        int from = 0;
        String token = optional(request, "nextToken");
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new StepFunctionsException("InvalidToken", "Invalid Token: '" + token + "'");
            }
        }
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray(field);
        int to = Math.min(items.size(), from + size);
        for (int i = from; i < to; i++) {
            list.add(toJson.apply(items.get(i)));
        }
        if (to < items.size()) {
            response.put("nextToken", String.valueOf(to));
        }
        return response;
    }

    /** The JSON protocol sends timestamps as epoch seconds with a fraction. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }

    private static String required(JsonNode request, String field) {
        String value = optional(request, field);
        if (value == null) {
            throw new StepFunctionsException("ValidationException",
                    "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        return value;
    }

    private static String optional(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}

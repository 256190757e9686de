package io.ticketflow.local.stepfunctions.asl;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Parses Amazon States Language (JSONPath mode) into a {@link StateMachineDefinition} and validates it the way
 * CreateStateMachine does: unknown fields and types, missing or dangling transitions, unreachable and duplicate
 * states, bad paths, templates and intrinsic calls, misplaced {@code States.ALL}.
 */
public final class DefinitionParser {

    private static final long MAX_SECONDS = 99_999_999L;
    private static final Set<String> COMMON = Set.of("Type", "Comment");
    private static final Set<String> TRANSITION = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Map<String, String> VARIABLES_AND_JSONATA = Map.of(
            "Assign", "workflow variables", "Arguments", "JSONata", "Output", "JSONata",
            "QueryLanguage", "JSONata", "Items", "JSONata");
    private static final Map<String, String> DISTRIBUTED_MAP = Map.of(
            "ItemReader", "distributed Map", "ResultWriter", "distributed Map", "ItemBatcher", "distributed Map",
            "ToleratedFailurePercentage", "distributed Map", "ToleratedFailureCount", "distributed Map",
            "ToleratedFailurePercentagePath", "distributed Map", "ToleratedFailureCountPath", "distributed Map",
            "Label", "distributed Map", "MaxConcurrencyPath", "distributed Map");

    private final FieldReader reader = new FieldReader();
    private final ChoiceRuleParser choiceRules = new ChoiceRuleParser(reader);
    private final Set<String> stateNames = new HashSet<>();

    private DefinitionParser() {
    }

    /** @throws InvalidDefinitionException listing every problem found */
    public static StateMachineDefinition parse(String definition) {
        JsonNode root = Json.tryParse(definition).orElseThrow(() -> new InvalidDefinitionException(
                List.of("INVALID_JSON_DESCRIPTION: the definition is not valid JSON")));
        return new DefinitionParser().machine(root);
    }

    private StateMachineDefinition machine(JsonNode root) {
        if (!root.isObject()) {
            throw new InvalidDefinitionException(List.of("SCHEMA_VALIDATION_FAILED: the definition must be an object"));
        }
        JsonNode language = root.get("QueryLanguage");
        if (language != null && !"JSONPath".equals(language.asString())) {
            reader.problem("/QueryLanguage", "QueryLanguage '" + language.asString()
                    + "' is not supported by the local emulator (JSONPath only)");
        }
        reader.onlyFields(root, "", Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds",
                "QueryLanguage"), Map.of());
        Long timeout = reader.integer(root, "TimeoutSeconds", "", 1, MAX_SECONDS);
        StateGraph graph = graph(root, "");
        if (!reader.problems().isEmpty()) {
            throw new InvalidDefinitionException(reader.problems());
        }
        return new StateMachineDefinition(graph, timeout == null ? null : timeout.intValue());
    }

    private StateGraph graph(JsonNode node, String at) {
        String startAt = reader.string(node, "StartAt", at, true);
        JsonNode states = node.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            reader.problem(at + "/States", "The field 'States' must be a non-empty object");
            return new StateGraph(startAt, Map.of());
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : states.properties()) {
            String name = entry.getKey();
            String stateAt = at + "/States/" + name;
            if (!stateNames.add(name)) {
                reader.problemOf("DUPLICATE_STATE_NAME", stateAt, "Duplicate State name: " + name);
            }
            if (name.isEmpty() || name.length() > 80) {
                reader.problem(stateAt, "State names must be 1 to 80 characters long");
            }
            State state = state(name, entry.getValue(), stateAt);
            if (state != null) {
                parsed.put(name, state);
            }
        }
        if (startAt != null && !states.has(startAt)) {
            reader.problemOf("MISSING_TRANSITION_TARGET", at + "/StartAt",
                    "'StartAt' names '" + startAt + "', which is not a state of this scope");
        }
        checkTransitions(parsed, states, at);
        checkReachable(startAt, parsed, at);
        return new StateGraph(startAt, Map.copyOf(parsed));
    }

    private void checkTransitions(Map<String, State> parsed, JsonNode declared, String at) {
        parsed.forEach((name, state) -> {
            for (String target : targets(state)) {
                if (!declared.has(target)) {
                    reader.problemOf("MISSING_TRANSITION_TARGET", at + "/States/" + name,
                            "Missing 'Next' target: " + target);
                }
            }
        });
    }

    private void checkReachable(String startAt, Map<String, State> parsed, String at) {
        if (startAt == null || !parsed.containsKey(startAt)) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(startAt));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            State state = parsed.get(name);
            if (state != null && reached.add(name)) {
                pending.addAll(targets(state));
            }
        }
        parsed.keySet().stream().filter(name -> !reached.contains(name)).forEach(name -> reader.problemOf(
                "UNREACHABLE_STATE", at + "/States/" + name, "No path from 'StartAt' reaches the state " + name));
    }

    private static List<String> targets(State state) {
        List<String> targets = new ArrayList<>();
        if (state instanceof State.Pass s) {
            targets.add(s.next());
        } else if (state instanceof State.Task s) {
            targets.add(s.next());
            s.errors().catchers().forEach(c -> targets.add(c.next()));
        } else if (state instanceof State.Wait s) {
            targets.add(s.next());
        } else if (state instanceof State.Parallel s) {
            targets.add(s.next());
            s.errors().catchers().forEach(c -> targets.add(c.next()));
        } else if (state instanceof State.Map s) {
            targets.add(s.next());
            s.errors().catchers().forEach(c -> targets.add(c.next()));
        } else if (state instanceof State.Choice s) {
            s.choices().forEach(c -> targets.add(c.next()));
            targets.add(s.defaultNext());
        }
        targets.removeIf(target -> target == null);
        return targets;
    }

    private State state(String name, JsonNode node, String at) {
        if (!node.isObject()) {
            reader.problem(at, "A state must be an object");
            return null;
        }
        String type = reader.string(node, "Type", at, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Pass" -> pass(name, node, at);
            case "Task" -> task(name, node, at);
            case "Choice" -> choice(name, node, at);
            case "Wait" -> await(name, node, at);
            case "Succeed" -> succeed(name, node, at);
            case "Fail" -> fail(name, node, at);
            case "Parallel" -> parallel(name, node, at);
            case "Map" -> map(name, node, at);
            default -> {
                reader.problem(at + "/Type", "The value for the field 'Type' must be one of Pass, Task, Choice,"
                        + " Wait, Succeed, Fail, Parallel, Map; got '" + type + "'");
                yield null;
            }
        };
    }

    private State pass(String name, JsonNode node, String at) {
        allow(node, at, TRANSITION, IO, Set.of("Parameters", "Result", "ResultPath"));
        return new State.Pass(name, next(name, node, at), dataFlow(node, at, true, false), node.get("Result"));
    }

    private State task(String name, JsonNode node, String at) {
        allow(node, at, TRANSITION, IO, Set.of("Parameters", "ResultSelector", "ResultPath", "Resource", "Retry",
                "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
                "Credentials"));
        String resource = reader.string(node, "Resource", at, true);
        Long timeout = reader.integer(node, "TimeoutSeconds", at, 1, MAX_SECONDS);
        ReferencePath timeoutPath = reader.path(node, "TimeoutSecondsPath", at, ReferencePath::compile, null);
        Long heartbeat = reader.integer(node, "HeartbeatSeconds", at, 1, MAX_SECONDS);
        ReferencePath heartbeatPath = reader.path(node, "HeartbeatSecondsPath", at, ReferencePath::compile, null);
        exclusive(node, at, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(node, at, "HeartbeatSeconds", "HeartbeatSecondsPath");
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            reader.problem(at + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new State.Task(name, next(name, node, at), dataFlow(node, at, true, true), errorHandling(node, at),
                resource, timeout == null ? null : timeout.intValue(), timeoutPath,
                heartbeat == null ? null : heartbeat.intValue(), heartbeatPath);
    }

    private State choice(String name, JsonNode node, String at) {
        allow(node, at, Set.of(), IO, Set.of("Choices", "Default"));
        JsonNode choices = node.get("Choices");
        List<State.ChoiceBranch> branches = new ArrayList<>();
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            reader.problem(at + "/Choices", "The field 'Choices' must be a non-empty array");
        } else {
            for (int i = 0; i < choices.size(); i++) {
                String choiceAt = at + "/Choices[" + i + "]";
                ChoiceRule rule = choiceRules.rule(choices.get(i), choiceAt, true);
                String next = choices.get(i).isObject() ? reader.string(choices.get(i), "Next", choiceAt, true) : null;
                if (rule != null && next != null) {
                    branches.add(new State.ChoiceBranch(rule, next));
                }
            }
        }
        return new State.Choice(name, dataFlow(node, at, false, false), List.copyOf(branches),
                reader.string(node, "Default", at, false));
    }

    private State await(String name, JsonNode node, String at) {
        allow(node, at, TRANSITION, IO, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath"));
        long given = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath").stream().filter(node::has).count();
        if (given != 1) {
            reader.problem(at, "A Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
        Instant timestamp = null;
        String timestampText = reader.string(node, "Timestamp", at, false);
        if (timestampText != null) {
            timestamp = Timestamps.parse(timestampText).orElse(null);
            if (timestamp == null) {
                reader.problem(at + "/Timestamp", "The field 'Timestamp' must be an RFC 3339 timestamp");
            }
        }
        return new State.Wait(name, next(name, node, at), dataFlow(node, at, false, false),
                reader.integer(node, "Seconds", at, 0, MAX_SECONDS),
                reader.path(node, "SecondsPath", at, ReferencePath::compile, null), timestamp,
                reader.path(node, "TimestampPath", at, ReferencePath::compile, null));
    }

    private State succeed(String name, JsonNode node, String at) {
        allow(node, at, Set.of(), IO, Set.of());
        return new State.Succeed(name, dataFlow(node, at, false, false));
    }

    private State fail(String name, JsonNode node, String at) {
        allow(node, at, Set.of(), Set.of(), Set.of("Error", "ErrorPath", "Cause", "CausePath"));
        exclusive(node, at, "Error", "ErrorPath");
        exclusive(node, at, "Cause", "CausePath");
        return new State.Fail(name, reader.string(node, "Error", at, false),
                reader.path(node, "ErrorPath", at, ValueExpression::parse, null),
                reader.string(node, "Cause", at, false),
                reader.path(node, "CausePath", at, ValueExpression::parse, null));
    }

    private State parallel(String name, JsonNode node, String at) {
        allow(node, at, TRANSITION, IO, Set.of("Parameters", "ResultSelector", "ResultPath", "Branches", "Retry",
                "Catch"));
        JsonNode branches = node.get("Branches");
        List<StateGraph> graphs = new ArrayList<>();
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            reader.problem(at + "/Branches", "The field 'Branches' must be a non-empty array");
        } else {
            for (int i = 0; i < branches.size(); i++) {
                String branchAt = at + "/Branches[" + i + "]";
                reader.onlyFields(branches.get(i), branchAt, Set.of("StartAt", "States", "Comment"), Map.of());
                graphs.add(graph(branches.get(i), branchAt));
            }
        }
        return new State.Parallel(name, next(name, node, at), dataFlow(node, at, true, true),
                errorHandling(node, at), List.copyOf(graphs));
    }

    private State map(String name, JsonNode node, String at) {
        allow(node, at, TRANSITION, IO, Set.of("Parameters", "ItemSelector", "ResultSelector", "ResultPath",
                "ItemsPath", "Iterator", "ItemProcessor", "MaxConcurrency", "Retry", "Catch"));
        exclusive(node, at, "ItemSelector", "Parameters");
        exclusive(node, at, "ItemProcessor", "Iterator");
        String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        JsonNode processor = node.get(processorField);
        StateGraph graph = null;
        String processorAt = at + "/" + processorField;
        if (processor == null || !processor.isObject()) {
            reader.problem(at, "A Map state needs an 'ItemProcessor' (or 'Iterator') object");
        } else {
            reader.onlyFields(processor, processorAt, Set.of("StartAt", "States", "Comment", "ProcessorConfig"),
                    Map.of());
            JsonNode mode = processor.path("ProcessorConfig").path("Mode");
            if (!mode.isMissingNode() && !"INLINE".equals(mode.asString())) {
                reader.problem(processorAt + "/ProcessorConfig/Mode",
                        "Only the INLINE processor mode is supported by the local emulator");
            }
            graph = graph(processor, processorAt);
        }
        PayloadTemplate itemSelector = node.has("ItemSelector") ? reader.template(node, "ItemSelector", at)
                : reader.template(node, "Parameters", at);
        Long maxConcurrency = reader.integer(node, "MaxConcurrency", at, 0, Integer.MAX_VALUE);
        return new State.Map(name, next(name, node, at), dataFlow(node, at, false, true), errorHandling(node, at),
                reader.path(node, "ItemsPath", at, ReferencePath::compile, ReferencePath.ROOT), itemSelector, graph,
                maxConcurrency == null ? 0 : maxConcurrency.intValue());
    }

    private String next(String name, JsonNode node, String at) {
        JsonNode end = node.get("End");
        String next = reader.string(node, "Next", at, false);
        boolean ends = end != null && end.isBoolean() && end.booleanValue();
        if (end != null && !end.isBoolean()) {
            reader.problem(at + "/End", "The field 'End' must be a boolean");
        }
        if (ends && node.has("Next")) {
            reader.problem(at, "State '" + name + "' has both 'Next' and \"End\": true");
        } else if (!ends && !node.has("Next")) {
            reader.problemOf("MISSING_TRANSITION_TARGET", at, "State '" + name
                    + "' must have either 'Next' or \"End\": true");
        }
        return next;
    }

    private DataFlow dataFlow(JsonNode node, String at, boolean parameters, boolean resultSelector) {
        return new DataFlow(
                reader.path(node, "InputPath", at, DataPath::compile, DataPath.ROOT),
                parameters ? reader.template(node, "Parameters", at) : null,
                resultSelector ? reader.template(node, "ResultSelector", at) : null,
                reader.path(node, "ResultPath", at, ReferencePath::compile, ReferencePath.ROOT),
                reader.path(node, "OutputPath", at, DataPath::compile, DataPath.ROOT));
    }

    private ErrorHandling errorHandling(JsonNode node, String at) {
        return new ErrorHandling(retriers(node, at), catchers(node, at));
    }

    private List<Retrier> retriers(JsonNode node, String at) {
        List<Retrier> retriers = new ArrayList<>();
        JsonNode retry = node.get("Retry");
        if (retry == null) {
            return retriers;
        }
        if (!retry.isArray()) {
            reader.problem(at + "/Retry", "The field 'Retry' must be an array");
            return retriers;
        }
        for (int i = 0; i < retry.size(); i++) {
            JsonNode r = retry.get(i);
            String rAt = at + "/Retry[" + i + "]";
            reader.onlyFields(r, rAt, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate",
                    "MaxDelaySeconds", "JitterStrategy", "Comment"), Map.of());
            List<String> errors = reader.strings(r, "ErrorEquals", rAt);
            checkWildcardLast(errors, i == retry.size() - 1, rAt);
            Long interval = reader.integer(r, "IntervalSeconds", rAt, 1, MAX_SECONDS);
            Long attempts = reader.integer(r, "MaxAttempts", rAt, 0, MAX_SECONDS);
            Double backoff = reader.number(r, "BackoffRate", rAt, 1.0);
            Long maxDelay = reader.integer(r, "MaxDelaySeconds", rAt, 1, 31_622_400);
            String jitter = reader.string(r, "JitterStrategy", rAt, false);
            if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
                reader.problem(rAt + "/JitterStrategy", "JitterStrategy must be FULL or NONE");
            }
            retriers.add(new Retrier(List.copyOf(errors), interval == null ? 1 : interval,
                    attempts == null ? 3 : attempts.intValue(), backoff == null ? 2.0 : backoff,
                    maxDelay == null ? null : maxDelay.doubleValue(), "FULL".equals(jitter)));
        }
        return List.copyOf(retriers);
    }

    private List<Catcher> catchers(JsonNode node, String at) {
        List<Catcher> catchers = new ArrayList<>();
        JsonNode catchNode = node.get("Catch");
        if (catchNode == null) {
            return catchers;
        }
        if (!catchNode.isArray()) {
            reader.problem(at + "/Catch", "The field 'Catch' must be an array");
            return catchers;
        }
        for (int i = 0; i < catchNode.size(); i++) {
            JsonNode c = catchNode.get(i);
            String cAt = at + "/Catch[" + i + "]";
            reader.onlyFields(c, cAt, Set.of("ErrorEquals", "Next", "ResultPath", "Comment"), VARIABLES_AND_JSONATA);
            List<String> errors = reader.strings(c, "ErrorEquals", cAt);
            checkWildcardLast(errors, i == catchNode.size() - 1, cAt);
            String next = reader.string(c, "Next", cAt, true);
            catchers.add(new Catcher(List.copyOf(errors), next,
                    reader.path(c, "ResultPath", cAt, ReferencePath::compile, ReferencePath.ROOT)));
        }
        return List.copyOf(catchers);
    }

    private void checkWildcardLast(List<String> errors, boolean last, String at) {
        if (errors.contains(ErrorNames.ALL) && (errors.size() > 1 || !last)) {
            reader.problem(at + "/ErrorEquals",
                    "'States.ALL' must appear alone in 'ErrorEquals' and only in the last retrier or catcher");
        }
    }

    private void exclusive(JsonNode node, String at, String one, String other) {
        if (node.has(one) && node.has(other)) {
            reader.problem(at, "The fields '" + one + "' and '" + other + "' cannot both be set");
        }
    }

    @SafeVarargs
    private void allow(JsonNode node, String at, Set<String>... groups) {
        Set<String> allowed = new HashSet<>(COMMON);
        for (Set<String> group : groups) {
            allowed.addAll(group);
        }
        Map<String, String> unsupported = new LinkedHashMap<>(VARIABLES_AND_JSONATA);
        unsupported.putAll(DISTRIBUTED_MAP);
        reader.onlyFields(node, at, allowed, unsupported);
    }
}

package io.ticketflow.local.stepfunctions;

import java.time.Instant;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.ErrorNames;
import io.ticketflow.local.stepfunctions.asl.State;
import io.ticketflow.local.stepfunctions.asl.StateGraph;
import io.ticketflow.local.stepfunctions.asl.ValueExpression;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks a state graph from StartAt to its end: records the entering of each state (one state transition each),
 * runs the short states itself and hands Task, Wait, Parallel and Map to their runners.
 */
final class Interpreter {

    private final TimeSource time;
    private final TaskRunner tasks;
    private final WaitRunner waits;
    private final ParallelRunner parallels;
    private final MapRunner maps;

    Interpreter(Services services) {
        this.time = services.time();
        this.tasks = new TaskRunner(services);
        this.waits = new WaitRunner(services.time());
        this.parallels = new ParallelRunner(services, this);
        this.maps = new MapRunner(services, this);
    }

    /**
     * @return the output of the graph's last state
     * @throws AslError the error that ended the graph
     * @throws ExecutionAborted when the strand is cancelled
     */
    JsonNode run(StateGraph graph, JsonNode input, Strand strand) {
        String current = graph.startAt();
        JsonNode data = input;
        while (true) {
            strand.cancellation().throwIfCancelled();
            State state = graph.state(current);
            Instant entered = time.now();
            strand.execution().countTransition();
            strand.emit(state.type() + "StateEntered", "stateEnteredEventDetails",
                    EventDetails.stateEntered(state.name(), data));
            Transition transition = execute(state, data, strand, entered);
            if (transition.next() == null) {
                return transition.output();
            }
            current = transition.next();
            data = transition.output();
        }
    }

    private Transition execute(State state, JsonNode input, Strand strand, Instant entered) {
        if (state instanceof State.Task task) {
            return tasks.run(task, input, strand, entered);
        }
        if (state instanceof State.Pass pass) {
            return pass(pass, input, strand, entered);
        }
        if (state instanceof State.Choice choice) {
            return choice(choice, input, strand, entered);
        }
        if (state instanceof State.Wait wait) {
            return waits.run(wait, input, strand, entered);
        }
        if (state instanceof State.Succeed succeed) {
            return succeed(succeed, input, strand, entered);
        }
        if (state instanceof State.Parallel parallel) {
            return parallels.run(parallel, input, strand, entered);
        }
        if (state instanceof State.Map map) {
            return maps.run(map, input, strand, entered);
        }
        throw fail((State.Fail) state, input, strand, entered);
    }

    private Transition pass(State.Pass pass, JsonNode input, Strand strand, Instant entered) {
        ObjectNode context = ContextObject.of(strand, pass.name(), entered, 0, null);
        JsonNode effective = pass.io().effectiveInput(input, context);
        JsonNode result = pass.result() != null ? pass.result() : pass.io().parameters(effective, context);
        JsonNode output = pass.io().output(input, result, context);
        strand.emit("PassStateExited", "stateExitedEventDetails", EventDetails.stateExited(pass.name(), output));
        return new Transition(pass.next(), output);
    }

    private Transition choice(State.Choice choice, JsonNode input, Strand strand, Instant entered) {
        ObjectNode context = ContextObject.of(strand, choice.name(), entered, 0, null);
        JsonNode effective = choice.io().effectiveInput(input, context);
        String next = choice.choices().stream()
                .filter(branch -> branch.rule().test(effective, context))
                .map(State.ChoiceBranch::next)
                .findFirst()
                .orElse(choice.defaultNext());
        if (next == null) {
            throw new AslError(ErrorNames.NO_CHOICE_MATCHED,
                    "No choice rule of state '" + choice.name() + "' matched the input " + Json.write(effective));
        }
        JsonNode output = choice.io().outputOf(effective, context);
        strand.emit("ChoiceStateExited", "stateExitedEventDetails", EventDetails.stateExited(choice.name(), output));
        return new Transition(next, output);
    }

    private Transition succeed(State.Succeed succeed, JsonNode input, Strand strand, Instant entered) {
        ObjectNode context = ContextObject.of(strand, succeed.name(), entered, 0, null);
        JsonNode output = succeed.io().outputOf(succeed.io().effectiveInput(input, context), context);
        strand.emit("SucceedStateExited", "stateExitedEventDetails",
                EventDetails.stateExited(succeed.name(), output));
        return new Transition(null, output);
    }

    private AslError fail(State.Fail fail, JsonNode input, Strand strand, Instant entered) {
        ObjectNode context = ContextObject.of(strand, fail.name(), entered, 0, null);
        String error = fail.errorPath() == null ? fail.error() : text(fail.errorPath(), "ErrorPath", input, context);
        String cause = fail.causePath() == null ? fail.cause() : text(fail.causePath(), "CausePath", input, context);
        return new AslError(error, cause);
    }

    private static String text(ValueExpression expression, String field, JsonNode input, JsonNode context) {
        JsonNode value = expression.evaluate(input, context).orElse(null);
        if (value == null || !value.isString()) {
            throw new AslError(ErrorNames.RUNTIME, "The " + field + " '" + expression
                    + "' must select a string, got " + value);
        }
        return value.stringValue();
    }
}

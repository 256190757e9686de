package io.ticketflow.local.stepfunctions.asl;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** A state of the States Language. {@code next} is null where the state ends its graph. */
public sealed interface State {

    String name();

    /** The {@code Type} as it appears in history event names, e.g. "Task" for TaskStateEntered. */
    String type();

    record Pass(String name, String next, DataFlow io, JsonNode result) implements State {
        @Override
        public String type() {
            return "Pass";
        }
    }

    /**
     * {@code timeoutSeconds}/{@code heartbeatSeconds} are null when not set, as are their paths.
     */
    record Task(String name, String next, DataFlow io, ErrorHandling errors, String resource,
                Integer timeoutSeconds, ReferencePath timeoutSecondsPath,
                Integer heartbeatSeconds, ReferencePath heartbeatSecondsPath) implements State {
        @Override
        public String type() {
            return "Task";
        }
    }

    record Choice(String name, DataFlow io, List<ChoiceBranch> choices, String defaultNext) implements State {
        @Override
        public String type() {
            return "Choice";
        }
    }

    /** One of {@code seconds}, {@code secondsPath}, {@code timestamp}, {@code timestampPath} is set. */
    record Wait(String name, String next, DataFlow io, Long seconds, ReferencePath secondsPath, Instant timestamp,
                ReferencePath timestampPath) implements State {
        @Override
        public String type() {
            return "Wait";
        }
    }

    record Succeed(String name, DataFlow io) implements State {
        @Override
        public String type() {
            return "Succeed";
        }
    }

    /** {@code errorPath}/{@code causePath} are reference paths or intrinsic calls, read from the raw input. */
    record Fail(String name, String error, ValueExpression errorPath, String cause, ValueExpression causePath)
            implements State {
        @Override
        public String type() {
            return "Fail";
        }
    }

    record Parallel(String name, String next, DataFlow io, ErrorHandling errors, List<StateGraph> branches)
            implements State {
        @Override
        public String type() {
            return "Parallel";
        }
    }

    /** {@code maxConcurrency} 0 means no limit. */
    record Map(String name, String next, DataFlow io, ErrorHandling errors, ReferencePath itemsPath,
               PayloadTemplate itemSelector, StateGraph processor, int maxConcurrency) implements State {
        @Override
        public String type() {
            return "Map";
        }
    }

    /** A rule of a Choice state and the state it leads to. */
    record ChoiceBranch(ChoiceRule rule, String next) {
    }
}

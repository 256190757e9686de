package io.ticketflow.local.stepfunctions.asl;

import tools.jackson.databind.JsonNode;

/** One argument of an intrinsic call: a literal, a path or a nested call. */
sealed interface IntrinsicArgument
        permits IntrinsicCall, IntrinsicCall.Literal, IntrinsicCall.StringLiteral, IntrinsicCall.PathArgument {

    /** The documents paths are read from while evaluating one expression. */
    record Scope(JsonNode input, JsonNode context) {
    }

    JsonNode evaluate(Scope scope);
}

package io.ticketflow.local.stepfunctions.asl;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * The input/output fields of a state, applied in the AWS order: InputPath, Parameters, (the work), ResultSelector,
 * ResultPath, OutputPath. A null path stands for an explicit JSON {@code null}: InputPath/OutputPath null give
 * {@code {}}, ResultPath null discards the result. Absent fields default to {@code $}.
 */
public record DataFlow(DataPath inputPath, PayloadTemplate parameters, PayloadTemplate resultSelector,
                       ReferencePath resultPath, DataPath outputPath) {

    public static final DataFlow DEFAULT = new DataFlow(DataPath.ROOT, null, null, ReferencePath.ROOT, DataPath.ROOT);

    /** @throws AslError States.Runtime when InputPath selects nothing */
    public JsonNode effectiveInput(JsonNode raw, JsonNode context) {
        return select(inputPath, "InputPath", raw, context);
    }

    /** The task's input: Parameters applied to the effective input, or the effective input itself. */
    public JsonNode parameters(JsonNode effectiveInput, JsonNode context) {
        return parameters == null ? effectiveInput : parameters.resolve(effectiveInput, context);
    }

    public JsonNode selectResult(JsonNode result, JsonNode context) {
        return resultSelector == null ? result : resultSelector.resolve(result, context);
    }

    /** ResultPath into the raw input, then OutputPath. */
    public JsonNode output(JsonNode rawInput, JsonNode result, JsonNode context) {
        JsonNode combined = resultPath == null ? rawInput : resultPath.writeInto(rawInput, result);
        return outputOf(combined, context);
    }

    /** @throws AslError States.Runtime when OutputPath selects nothing */
    public JsonNode outputOf(JsonNode value, JsonNode context) {
        return select(outputPath, "OutputPath", value, context);
    }

    private static JsonNode select(DataPath path, String field, JsonNode value, JsonNode context) {
        if (path == null) {
            return Json.object();
        }
        return path.read(value, context).orElseThrow(() -> new AslError(ErrorNames.RUNTIME, "Invalid path '"
                + path + "' : The " + field + " '" + path + "' could not be found in '" + Json.write(value) + "'"));
    }
}

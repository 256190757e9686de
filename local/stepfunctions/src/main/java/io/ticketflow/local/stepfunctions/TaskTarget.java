package io.ticketflow.local.stepfunctions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ticketflow.local.stepfunctions.asl.AslError;
import io.ticketflow.local.stepfunctions.asl.ErrorNames;
import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a Task's {@code Resource} resolves to: a Lambda function, called directly (events {@code LambdaFunction*})
 * or through the {@code lambda:invoke} integration (events {@code Task*}, result wrapped like the Invoke API
 * response), optionally waiting for a task token.
 */
record TaskTarget(String functionName, JsonNode payload, boolean direct, boolean waitsForToken,
                  String integrationResource) {

    private static final Pattern LAMBDA_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+)(:[^:]+)?");
    private static final Pattern INTEGRATION =
            Pattern.compile("arn:aws[a-z-]*:states:[^:]*:[^:]*:lambda:(invoke(\\.waitForTaskToken)?)");

    /** @throws AslError States.Runtime for resources the emulator does not run */
    static TaskTarget resolve(String resource, JsonNode parameters) {
        Matcher direct = LAMBDA_ARN.matcher(resource);
        if (direct.matches()) {
            return new TaskTarget(direct.group(1), parameters, true, false, null);
        }
        Matcher integration = INTEGRATION.matcher(resource);
        if (integration.matches()) {
            JsonNode functionName = parameters.get("FunctionName");
            if (functionName == null || !functionName.isString()) {
                throw new AslError(ErrorNames.RUNTIME,
                        "The lambda:invoke integration needs a string 'FunctionName' in Parameters, got " + parameters);
            }
            JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : Json.object();
            return new TaskTarget(bareName(functionName.stringValue()), payload, false,
                    integration.group(2) != null, integration.group(1));
        }
        throw new AslError(ErrorNames.RUNTIME, "The resource '" + resource + "' is not supported by the local Step"
                + " Functions emulator; it runs Lambda functions (arn:aws:lambda:REGION:ACCOUNT:function:NAME,"
                + " arn:aws:states:::lambda:invoke and arn:aws:states:::lambda:invoke.waitForTaskToken)");
    }

    /** {@code my-fn}, {@code my-fn:alias}, {@code 123456789012:function:my-fn} or a full ARN, to {@code my-fn}. */
    static String bareName(String functionName) {
        String name = functionName;
        int marker = name.indexOf(":function:");
        if (marker >= 0) {
            name = name.substring(marker + ":function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    /** Prefix of the history events: {@code LambdaFunction} (direct ARN) or {@code Task} (integration). */
    String eventPrefix() {
        return direct ? "LambdaFunction" : "Task";
    }

    /** The state's result for a function result: as is when direct, wrapped like the Invoke API response. */
    JsonNode result(JsonNode functionResult) {
        if (direct) {
            return functionResult;
        }
        ObjectNode response = Json.object().put("ExecutedVersion", "$LATEST");
        response.set("Payload", functionResult);
        return response.put("StatusCode", 200);
    }

    /** Base of the {@code Task*EventDetails} (resource type and resource); empty for direct calls. */
    ObjectNode details() {
        return direct ? Json.object() : Json.object().put("resourceType", "lambda").put("resource", integrationResource);
    }
}

package io.ticketflow.lambdasmoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code AWS::Lambda::Function} as the synthesized CloudFormation template declares it: the handler
 * string, the environment, memory and timeout, and the asset jar CDK uploads for it. Read from
 * {@code cdk.out}, so the smoke starts exactly what {@code cdk deploy} would ship, not a retyped copy.
 *
 * @param bean the function bean ({@code SPRING_CLOUD_FUNCTION_DEFINITION})
 */
record DeployedFunction(String physicalName, String bean, String runtime, String handler, Path jar, int memoryMb,
                        int timeoutSeconds, Map<String, String> environment) {

    /** What the synth resolves at deploy time; the smoke's account and region are moto's. */
    static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Partition", "aws", "AWS::Region", "us-east-1", "AWS::AccountId", "123456789012",
            "AWS::URLSuffix", "amazonaws.com");

    /** Every function of every {@code *.template.json} in {@code cdkOut}, by bean name. */
    static Map<String, DeployedFunction> readAll(Path cdkOut, JsonMapper json) {
        Map<String, DeployedFunction> functions = new LinkedHashMap<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(cdkOut)) {
            templates = files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cdkOut, e);
        }
        if (templates.isEmpty()) {
            throw new IllegalStateException("no *.template.json in " + cdkOut + ": run infra/cdk/synth.sh first");
        }
        for (Path template : templates) {
            JsonNode resources = json.readTree(template.toFile()).path("Resources");
            for (Map.Entry<String, JsonNode> resource : resources.properties()) {
                // our functions are the Java ones; the web stack's BucketDeployment brings CDK's own Python handler
                if ("AWS::Lambda::Function".equals(resource.getValue().path("Type").asString())
                        && resource.getValue().path("Properties").path("Runtime").asString("").startsWith("java")) {
                    DeployedFunction function = of(cdkOut, template, resource.getKey(), resource.getValue());
                    functions.put(function.bean(), function);
                }
            }
        }
        return functions;
    }

    private static DeployedFunction of(Path cdkOut, Path template, String logicalId, JsonNode resource) {
        JsonNode properties = resource.path("Properties");
        String asset = resource.path("Metadata").path("aws:asset:path").asString(null);
        if (asset == null) {
            throw new IllegalStateException(logicalId + " in " + template + " has no asset path: its code is not a local jar");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> variable : properties.path("Environment").path("Variables").properties()) {
            environment.put(variable.getKey(), resolve(variable.getValue(), logicalId + "." + variable.getKey()));
        }
        String bean = environment.get("SPRING_CLOUD_FUNCTION_DEFINITION");
        if (bean == null) {
            throw new IllegalStateException(logicalId + " in " + template + " names no function bean");
        }
        return new DeployedFunction(properties.path("FunctionName").asString(), bean, properties.path("Runtime").asString(),
                properties.path("Handler").asString(), cdkOut.resolve(asset), properties.path("MemorySize").asInt(),
                properties.path("Timeout").asInt(), environment);
    }

    /**
     * A plain string, or the {@code Fn::Join} of strings and pseudo parameters CDK writes for ARNs built from
     * names. Anything else (a {@code Ref} to a resource, {@code Fn::GetAtt}) exists only once deployed, and
     * the smoke cannot fake it faithfully, so it fails naming the variable.
     */
    static String resolve(JsonNode value, String where) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.has("Ref") && PSEUDO_PARAMETERS.containsKey(value.get("Ref").asString())) {
            return PSEUDO_PARAMETERS.get(value.get("Ref").asString());
        }
        if (value.has("Fn::Join")) {
            JsonNode join = value.get("Fn::Join");
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < join.get(1).size(); i++) {
                if (i > 0) {
                    joined.append(join.get(0).asString());
                }
                joined.append(resolve(join.get(1).get(i), where));
            }
            return joined.toString();
        }
        throw new IllegalStateException(where + " is " + value + ": only strings and ARNs joined from pseudo "
                + "parameters can be resolved before a deployment");
    }
}

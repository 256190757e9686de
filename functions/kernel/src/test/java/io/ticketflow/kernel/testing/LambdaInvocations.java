package io.ticketflow.kernel.testing;

import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.KernelBeans;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Contract-test plumbing: a function invoked by name through Spring Cloud Function's {@link FunctionInvoker} (the
 * path Lambda and the local runtime take) with raw event bytes, its JSON output parsed, and the recorded events
 * read from the test class path ({@code /events/<file>}).
 *
 * <p>One instance per test class: it keeps one invoker per function name, as Lambda keeps one per container.
 * {@code FunctionInvoker} reads its start class ({@code MAIN_CLASS}) and configuration when it is created, so
 * set those system properties ({@link #lambdaEnvironment}) before the first {@link #invoke}.
 */
public final class LambdaInvocations {

    /** The members of an API Gateway proxy response, in the order the kernel writes them. */
    public static final List<String> PROXY_MEMBERS = List.of("statusCode", "headers", "body", "isBase64Encoded");

    private final Map<String, FunctionInvoker> invokers = new ConcurrentHashMap<>();
    private final JsonMapper json;

    public LambdaInvocations() {
        this(KernelBeans.newJsonMapper());
    }

    /** The queue's key pair the functions of {@link #lambdaEnvironment} trust. */
    public static final TestPasses PASSES = new TestPasses();

    public LambdaInvocations(JsonMapper json) {
        this.json = json;
    }

    /**
     * What the Lambda environment would carry, as system properties (the functions' {@code Environment} sees
     * them): the start class, where the AWS APIs are, and the admission pass keys of {@link #PASSES}.
     */
    public static void lambdaEnvironment(Class<?> startClass, AwsSettings aws) {
        System.setProperty("MAIN_CLASS", startClass.getName());
        PASSES.properties().forEach(System::setProperty);
        if (aws.endpoint() != null) {
            System.setProperty(AwsSettings.ENDPOINT, aws.endpoint().toString());
        }
        System.setProperty(AwsSettings.REGION, aws.region());
        System.setProperty(AwsSettings.RESOURCE_PREFIX, aws.resourcePrefix());
    }

    /** The JSON {@code function} writes for {@code event}; an exception the function throws comes out as is. */
    public JsonNode invoke(String function, byte[] event) {
        FunctionInvoker invoker = invokers.computeIfAbsent(function, FunctionInvoker::new);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            invoker.handleRequest(new ByteArrayInputStream(event), output, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.readTree(output.toString(StandardCharsets.UTF_8));
    }

    /** The parsed {@code body} of an API Gateway proxy response. */
    public JsonNode body(JsonNode response) {
        return json.readTree(response.get("body").stringValue());
    }

    /** A recorded event, parsed, to be adapted before it is sent. */
    public ObjectNode event(String file) {
        return (ObjectNode) json.readTree(resource(file));
    }

    /** The bytes of the recorded event {@code /events/<file>} on the test class path. */
    public static byte[] resource(String file) {
        String name = "/events/" + file;
        try (InputStream in = LambdaInvocations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded event " + name + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ticketflow.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Service;
import io.ticketflow.catalog.ServiceResources;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One synthesized deployment shared by every test class of the JVM: jsii starts a Node process and a
 * synth takes seconds, so the assertions read the same templates. Lambda code is a placeholder jar
 * built into target/ (so the tests need no service build and no network); the sagas are the real
 * {@code statemachine/*.asl.json}, so their grants and substitutions are tested as they are deployed.
 */
final class SynthesizedApp {

    /** The booking saga as deployed ({@code booking-cancellation.asl.json} beside it). */
    static final Path SAGA_ASL = Path.of(System.getProperty("ticketflow.root", "../.."), "statemachine", "booking-saga.asl.json")
            .toAbsolutePath().normalize();
    /** A saga of the same shape with a queue placeholder, for what the real files do not use. */
    static final Path FIXTURE_ASL = Path.of("src/test/resources/booking-saga.fixture.asl.json");
    static final String ISSUER = "https://issuer.example.test/";
    static final String AUDIENCE = "ticketflow-test-client";
    static final String WEB_ORIGIN = "https://tickets.example.test";
    static final int BATCH_SIZE = 250;

    private static SynthesizedApp instance;

    private final App app;
    private final DeploymentSettings settings;
    private final TicketflowApp.Stacks stacks;
    private final Map<String, JsonNode> templates = new HashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();

    private SynthesizedApp(App app, DeploymentSettings settings, TicketflowApp.Stacks stacks) {
        this.app = app;
        this.settings = settings;
        this.stacks = stacks;
    }

    static synchronized SynthesizedApp get() {
        if (instance == null) {
            Path root = Path.of("target/placeholder-repo").toAbsolutePath();
            String version = DeploymentSettings.buildVersion();
            DeploymentSettings settings = new DeploymentSettings(Stage.DEV, root, version, ISSUER, List.of(AUDIENCE),
                    List.of(WEB_ORIGIN), BATCH_SIZE, SAGA_ASL);
            writePlaceholderJars(new LambdaArtifacts(root, version));
            writePlaceholderPage(root);
            App app = App.Builder.create().outdir("target/cdk-test.out").build();
            instance = new SynthesizedApp(app, settings, TicketflowApp.build(app, settings));
        }
        return instance;
    }

    App app() {
        return app;
    }

    DeploymentSettings settings() {
        return settings;
    }

    TicketflowApp.Stacks stacks() {
        return stacks;
    }

    List<Stack> allStacks() {
        List<Stack> all = new ArrayList<>(stacks.services());
        all.add(stacks.api());
        all.add(stacks.saga());
        all.add(stacks.web());
        return all;
    }

    ServiceStack service(Service service) {
        return stacks.services().stream()
                .filter(s -> s.getStackName().equals(settings.physicalName(service.id())))
                .findFirst().orElseThrow();
    }

    /** The stack's CloudFormation template as JSON. */
    synchronized JsonNode template(Stack stack) {
        return templates.computeIfAbsent(stack.getStackName(),
                name -> json.valueToTree(Template.fromStack(stack).toJSON()));
    }

    /** Resources of one type: logical id → resource. */
    Map<String, JsonNode> resources(Stack stack, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        JsonNode resources = template(stack).path("Resources");
        for (String id : resources.propertyNames()) {
            if (resources.get(id).path("Type").asString("").equals(type)) {
                found.put(id, resources.get(id));
            }
        }
        return found;
    }

    /**
     * The physical name behind a reference to a function or alias of {@code stack}:
     * {@code ticketflow-dev-enterQueue:live} for a Ref to the live alias, also when CDK wraps the Ref
     * to cut the function name out of the alias ARN.
     */
    String invokedFunctionName(Stack stack, JsonNode reference) {
        JsonNode resources = template(stack).path("Resources");
        JsonNode ref = reference.findValue("Ref");
        JsonNode target = resources.path(ref == null ? "" : ref.asString(""));
        if (target.path("Type").asString("").equals("AWS::Lambda::Alias")) {
            JsonNode function = resources.path(target.path("Properties").path("FunctionName").path("Ref").asString(""));
            return function.path("Properties").path("FunctionName").asString() + ":"
                    + target.path("Properties").path("Name").asString();
        }
        if (target.path("Type").asString("").equals("AWS::Lambda::Function")) {
            return target.path("Properties").path("FunctionName").asString();
        }
        throw new AssertionError("not a reference to a function of " + stack.getStackName() + ": " + reference);
    }

    /**
     * The literal text of an {@code Fn::Join} (or a plain string), with references rendered as
     * {@code {Ref}}, attributes as {@code {Resource.Attribute}} and another stack's exports as
     * {@code {import:<export name>}}: enough to compare ARNs and URLs built from physical names.
     */
    static String text(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        if (value.has("Fn::Join")) {
            StringBuilder joined = new StringBuilder();
            value.get("Fn::Join").get(1).forEach(part -> joined.append(text(part)));
            return joined.toString();
        }
        if (value.has("Ref")) {
            return "{" + value.get("Ref").asString() + "}";
        }
        if (value.has("Fn::GetAtt")) {
            return "{" + value.get("Fn::GetAtt").get(0).asString() + "." + value.get("Fn::GetAtt").get(1).asString() + "}";
        }
        if (value.has("Fn::ImportValue")) {
            return "{import:" + text(value.get("Fn::ImportValue")) + "}";
        }
        return value.toString();
    }

    /** The web stack deploys {@code web/}: a one-file page stands in for it. */
    private static void writePlaceholderPage(Path root) {
        try {
            Files.createDirectories(root.resolve("web"));
            Files.writeString(root.resolve("web/index.html"), "<!doctype html><title>placeholder</title>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The elements of a JSON array, or the one value CloudFormation also accepts in its place. */
    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }

    private static void writePlaceholderJars(LambdaArtifacts artifacts) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (ServiceResources service : Catalogue.services()) {
            Path jar = artifacts.jar(service.service());
            try {
                Files.createDirectories(jar.getParent());
                try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
                    // a manifest is all an asset needs to be hashed and staged
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

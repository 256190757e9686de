package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.OpenApi30;
import io.ticketflow.concert.domain.ConcertProblems;
import io.ticketflow.kernel.admission.AdmissionProblems;
import io.ticketflow.kernel.problem.ProblemType;
import io.ticketflow.kernel.problem.ProblemTypes;
import io.ticketflow.payment.domain.PaymentProblems;
import io.ticketflow.point.domain.PointProblems;
import io.ticketflow.queue.domain.QueueProblems;
import io.ticketflow.reservation.domain.ReservationProblems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code openapi.json} is a valid OpenAPI 3.0 document on its own: it validates against the official JSON Schema
 * of OpenAPI 3.0 documents, and passes the checks that schema cannot express (references resolve, path templates
 * and path parameters agree, examples fit their schemas, every problem type it shows is one the code answers with).
 *
 * <p>The JSON Schema ({@code src/test/resources/openapi/oas-3.0-schema-2021-09-28.json}) is the OpenAPI
 * Initiative's, id {@code https://spec.openapis.org/oas/3.0/schema/2021-09-28} (Apache License 2.0), copied
 * unchanged from the Maven Central artifact {@code io.vertx:vertx-openapi:5.0.7}, entry
 * {@code spec.openapis.org/oas/3.0/schema/2021-09-28} (SHA-256
 * {@code 7a0db7311a69d8b7f2505f59c5d4cbb58539a0961df0c05724a07538014822cf}). It is a draft-04 schema, which
 * {@code com.networknt:json-schema-validator} evaluates offline.
 */
class OpenApiDocumentTest {

    static final String OAS_30_SCHEMA = "/openapi/oas-3.0-schema-2021-09-28.json";
    /** The base URI the document is registered under, so that schemas inside it can be validated against. */
    static final String DOCUMENT_URI = "https://ticketflow.dev/openapi.json";

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> COMPONENT_KINDS = Set.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the code declares the problem types it answers with. */
    private static final List<Class<?>> SERVICE_PROBLEMS = List.of(QueueProblems.class, ConcertProblems.class,
            ReservationProblems.class, PointProblems.class, PaymentProblems.class, AdmissionProblems.class);

    private static JsonNode document;
    private static Schema oas30;

    @BeforeAll
    static void load() {
        document = OpenApiSpec.load();
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OAS_30_SCHEMA)) {
            assertThat(in).as(OAS_30_SCHEMA + " on the test classpath").isNotNull();
            oas30 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                    .getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void isValidAgainstTheOfficialOpenApi30Schema() {
        assertThat(document.path("openapi").asString()).as("the version the document is written for").startsWith("3.0.");
        assertThat(messages(oas30.validate(document))).isEmpty();
    }

    /** The control for the test above: the same check sees a document break. */
    @Test
    void theSchemaCheck_rejectsABrokenDocument() {
        ObjectNode broken = (ObjectNode) document.deepCopy();
        ObjectNode operation = (ObjectNode) broken.path("paths").path("/concerts").path("get");
        operation.remove("responses");
        operation.put("sumary", "a misspelt field");
        ((ObjectNode) broken.path("components").path("parameters").path("ConcertId")).put("in", "body");

        List<String> errors = messages(oas30.validate(broken));

        assertThat(errors).anyMatch(e -> e.startsWith("/paths/~1concerts/get") && e.contains("responses"));
        assertThat(errors).anyMatch(e -> e.contains("sumary"));
        assertThat(errors).anyMatch(e -> e.startsWith("/components/parameters/ConcertId"));
    }

    @Test
    void everyRef_isLocal_andResolvesToAComponentOfTheRightKind() {
        List<String> broken = new ArrayList<>();
        walk(document, "", (pointer, node) -> {
            if (!node.isObject() || !node.has("$ref")) {
                return;
            }
            String ref = node.path("$ref").asString("");
            String expected = "#/components/" + expectedKind(pointer) + "/";
            if (!ref.startsWith(expected)) {
                broken.add(pointer + ": " + ref + " should start with " + expected);
            } else if (document.at(ref.substring(1)).isMissingNode()) {
                broken.add(pointer + ": " + ref + " does not resolve");
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void everyOperation_answersJsonOnSuccess_andDescribesEveryResponse() {
        List<String> wrong = new ArrayList<>();
        for (OpenApiSpec.Operation operation : OpenApiSpec.operations(document)) {
            JsonNode responses = operation.node().path("responses");
            if (responses.isEmpty()) {
                wrong.add(operation.key() + " has no responses");
            }
            boolean success = false;
            for (var entry : responses.properties()) {
                String status = entry.getKey();
                JsonNode response = OpenApiSpec.resolve(document, entry.getValue());
                success |= status.startsWith("2");
                if (status.equals("204") || status.equals("304")) {
                    if (response.has("content")) {
                        wrong.add(operation.key() + " " + status + " has content");
                    }
                    continue;
                }
                JsonNode content = response.path("content");
                if (content.isEmpty()) {
                    wrong.add(operation.key() + " " + status + " has no content");
                }
                if (status.startsWith("2") && !content.path("application/json").has("schema")) {
                    wrong.add(operation.key() + " " + status + " has no application/json schema");
                }
                content.properties().forEach(media -> {
                    if (!media.getValue().has("schema")) {
                        wrong.add(operation.key() + " " + status + " " + media.getKey() + " has no schema");
                    }
                });
            }
            if (!success) {
                wrong.add(operation.key() + " has no 2xx response");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void operationIds_areUnique_andTags_areDeclared() {
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(tag -> declaredTags.add(tag.path("name").asString()));
        Set<String> ids = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (OpenApiSpec.Operation operation : OpenApiSpec.operations(document)) {
            String id = operation.node().path("operationId").asString("");
            if (id.isEmpty() || !ids.add(id)) {
                wrong.add(operation.key() + " operationId '" + id + "' missing or repeated");
            }
            if (operation.node().path("tags").isEmpty()) {
                wrong.add(operation.key() + " has no tag");
            }
            operation.node().path("tags").forEach(tag -> {
                if (!declaredTags.contains(tag.asString())) {
                    wrong.add(operation.key() + " tag '" + tag.asString() + "' is not declared");
                }
            });
            if (operation.node().path("summary").asString("").isBlank()
                    || operation.node().path("description").asString("").isBlank()) {
                wrong.add(operation.key() + " lacks a summary or a description");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void pathTemplates_andPathParameters_agree() {
        List<String> wrong = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            Set<String> inTemplate = new LinkedHashSet<>();
            Matcher matcher = PATH_PARAMETER.matcher(path.getKey());
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            path.getValue().properties().forEach(op -> {
                if (!OpenApiSpec.HTTP_METHODS.contains(op.getKey())) {
                    return;
                }
                Set<String> declared = new LinkedHashSet<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.getValue().path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = OpenApiSpec.resolve(document, parameter);
                    if (resolved.path("in").asString().equals("path")) {
                        declared.add(resolved.path("name").asString());
                    }
                }
                if (!declared.equals(inTemplate)) {
                    wrong.add(op.getKey() + " " + path.getKey() + " declares " + declared + ", template has " + inTemplate);
                }
            });
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void securityRequirements_nameDeclaredSchemes() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        List<JsonNode> requirements = new ArrayList<>();
        document.path("security").forEach(requirements::add);
        OpenApiSpec.operations(document).forEach(op -> op.node().path("security").forEach(requirements::add));
        List<String> unknown = new ArrayList<>();
        requirements.forEach(requirement -> requirement.properties().forEach(scheme -> {
            if (!schemes.has(scheme.getKey())) {
                unknown.add(scheme.getKey());
            }
        }));
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyComponent_isReachableFromThePaths() {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        BiConsumer<String, JsonNode> collect = (pointer, node) -> {
            if (node.isObject() && node.path("$ref").isString()) {
                String target = node.path("$ref").asString().substring(1);
                if (reached.add(target)) {
                    pending.add(target);
                }
            }
        };
        walk(document.path("paths"), "/paths", collect);
        while (!pending.isEmpty()) {
            String target = pending.poll();
            walk(document.at(target), target, collect);
        }
        Set<String> unused = new TreeSet<>();
        document.path("components").properties().forEach(kind -> {
            if (COMPONENT_KINDS.contains(kind.getKey())) {
                kind.getValue().properties().forEach(component -> {
                    String pointer = "/components/" + kind.getKey() + "/" + component.getKey();
                    if (!reached.contains(pointer)) {
                        unused.add(pointer);
                    }
                });
            }
        });
        assertThat(unused).as("components no operation uses").isEmpty();
    }

    @Test
    void examples_fitTheirSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(OpenApi30.getInstance(), builder -> builder
                .schemas(Map.of(DOCUMENT_URI, document.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        walk(document, "", (pointer, node) -> {
            // media types and parameters: a schema beside an example or examples
            if (!node.isObject() || !node.has("schema") || !(node.has("example") || node.has("examples"))) {
                return;
            }
            Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer + "/schema"));
            Map<String, JsonNode> values = new HashMap<>();
            if (node.has("example")) {
                values.put(pointer + "/example", node.path("example"));
            }
            node.path("examples").properties().forEach(example -> values.put(pointer + "/examples/" + example.getKey(),
                    OpenApiSpec.resolve(document, example.getValue()).path("value")));
            values.forEach((where, value) -> {
                checked[0]++;
                if (value.isMissingNode()) {
                    wrong.add(where + " has no value");
                } else {
                    messages(schema.validate(value)).forEach(error -> wrong.add(where + error));
                }
            });
        });
        assertThat(checked[0]).as("examples checked").isGreaterThan(10);
        assertThat(wrong).isEmpty();
    }

    @Test
    void problemExamples_areProblemTypesTheCodeDeclares_underTheirOwnStatus() {
        Map<String, Set<ProblemType>> declared = declaredProblemTypes(true);
        List<String> wrong = new ArrayList<>();
        forEachProblemExample((where, status, value) -> {
            String type = value.path("type").asString("");
            Set<ProblemType> candidates = declared.getOrDefault(type, Set.of());
            if (candidates.isEmpty()) {
                wrong.add(where + ": no problem type " + type + " in the code");
            }
            for (ProblemType candidate : candidates) {
                if (!candidate.title().equals(value.path("title").asString())
                        || candidate.status() != value.path("status").asInt()
                        || !String.valueOf(candidate.status()).equals(status)) {
                    wrong.add(where + ": " + value + " under " + status + " does not match the code's " + candidate);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** A service's problem types are all client-facing: a new one must be documented where it can occur. */
    @Test
    void everyProblemTypeOfAService_isDocumented() {
        Set<String> documented = new HashSet<>();
        forEachProblemExample((where, status, value) -> documented.add(value.path("type").asString()));
        Set<String> undocumented = new TreeSet<>(declaredProblemTypes(false).keySet());
        undocumented.removeAll(documented);
        assertThat(undocumented).as("problem types the services declare but openapi.json never shows").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------

    private interface ProblemExampleVisitor {
        void visit(String where, String status, JsonNode value);
    }

    /** Every example of an {@code application/problem+json} response an operation documents. */
    private static void forEachProblemExample(ProblemExampleVisitor visitor) {
        for (OpenApiSpec.Operation operation : OpenApiSpec.operations(document)) {
            operation.node().path("responses").properties().forEach(response -> {
                JsonNode media = OpenApiSpec.resolve(document, response.getValue())
                        .path("content").path("application/problem+json");
                media.path("examples").properties().forEach(example -> visitor.visit(
                        operation.key() + " " + response.getKey() + " " + example.getKey(), response.getKey(),
                        OpenApiSpec.resolve(document, example.getValue()).path("value")));
                if (media.has("example")) {
                    visitor.visit(operation.key() + " " + response.getKey() + " example", response.getKey(),
                            media.path("example"));
                }
            });
        }
    }

    /** Problem types by type URI; with the kernel's generic ones or only the services' own. */
    private static Map<String, Set<ProblemType>> declaredProblemTypes(boolean withKernel) {
        List<Class<?>> holders = new ArrayList<>(SERVICE_PROBLEMS);
        if (withKernel) {
            holders.add(ProblemTypes.class);
        }
        Map<String, Set<ProblemType>> byUri = new HashMap<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
                    try {
                        ProblemType type = (ProblemType) field.get(null);
                        byUri.computeIfAbsent(type.uri().toString(), uri -> new HashSet<>()).add(type);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(holder.getName() + "." + field.getName(), e);
                    }
                }
            }
        }
        assertThat(byUri).as("problem types found in " + holders).isNotEmpty();
        return byUri;
    }

    /** The kind of component a {@code $ref} at this JSON pointer must name. */
    private static String expectedKind(String pointer) {
        String[] segments = pointer.split("/");
        String container = segments.length >= 2 ? segments[segments.length - 2] : "";
        return switch (container) {
            case "parameters", "responses", "examples", "headers", "requestBodies", "links", "callbacks" -> container;
            default -> "schemas";
        };
    }

    /** Visits every node under {@code node} with its JSON pointer. */
    private static void walk(JsonNode node, String pointer, BiConsumer<String, JsonNode> visitor) {
        visitor.accept(pointer, node);
        if (node.isObject()) {
            node.properties().forEach(child -> walk(child.getValue(),
                    pointer + "/" + child.getKey().replace("~", "~0").replace("/", "~1"), visitor));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }
}

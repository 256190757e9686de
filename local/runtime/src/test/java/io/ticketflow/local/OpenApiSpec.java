package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The served OpenAPI document ({@code /openapi.json} on the classpath) as the {@code OpenApi*} tests read it. */
final class OpenApiSpec {

    static final String RESOURCE = "/openapi.json";
    /** The HTTP method keys a Path Item may hold (OpenAPI 3.0). */
    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiSpec() {
    }

    static JsonNode load() {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation: {@code method} upper case, as in a route key. */
    record Operation(String method, String path, JsonNode node) {

        String key() {
            return method + " " + path;
        }
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    static JsonNode operation(JsonNode document, String method, String path) {
        return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
    }

    /**
     * Follows local {@code $ref}s such as {@code #/components/responses/Problem} until a node that is not a
     * reference; a reference that does not resolve gives a missing node.
     */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 16; hops++) {
            JsonNode ref = current.path("$ref");
            if (!ref.isString()) {
                return current;
            }
            String pointer = ref.asString();
            if (!pointer.startsWith("#")) {
                return MissingNode.getInstance();
            }
            current = document.at(pointer.substring(1));
        }
        throw new IllegalStateException("$ref chain longer than 16 hops from " + node);
    }

    /** The effective security requirements of an operation: its own, else the document's. */
    static JsonNode security(JsonNode document, JsonNode operation) {
        return operation.has("security") ? operation.path("security") : document.path("security");
    }
}

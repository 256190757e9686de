package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Route;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The served OpenAPI document and the route table API Gateway is built from must tell the same story. */
class OpenApiMatchesRoutesTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");
    private static JsonNode document;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = OpenApiMatchesRoutesTest.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the classpath").isNotNull();
            document = JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void document_isOpenApi3WithBearerJwtScheme() {
        assertThat(document.path("openapi").asString()).matches("3\\.[01]\\.\\d+");
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearerJwt");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void everyRoute_isDocumented() {
        List<String> missing = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            if (operation(route).isMissingNode()) {
                missing.add(route.routeKey());
            }
        }
        assertThat(missing).as("routes without an operation in openapi.json").isEmpty();
    }

    @Test
    void everyDocumentedOperation_isARoute() {
        Set<String> routeKeys = new HashSet<>();
        Catalogue.routes().forEach(r -> routeKeys.add(r.routeKey()));
        List<String> extra = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (!routeKeys.contains(key)) {
                    extra.add(key);
                }
            }
        }));
        assertThat(extra).as("operations in openapi.json that no route serves").isEmpty();
    }

    @Test
    void security_matchesWhetherTheRouteIsAuthenticated() {
        List<String> mismatched = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            JsonNode operation = operation(route);
            JsonNode security = operation.has("security") ? operation.path("security") : document.path("security");
            boolean documentedAsSecured = security.isArray() && !security.isEmpty()
                    && security.get(0).has("bearerJwt");
            if (documentedAsSecured != route.authenticated()) {
                mismatched.add(route.routeKey() + " (route authenticated=" + route.authenticated() + ")");
            }
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void authenticatedOperations_document401AndEveryOperationDocumentsProblemErrors() {
        List<String> incomplete = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            JsonNode responses = resolve(operation(route).path("responses"));
            if (route.authenticated() && !responses.has("401")) {
                incomplete.add(route.routeKey() + " lacks 401");
            }
            boolean problemError = false;
            for (var response : responses.properties()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    problemError |= resolve(response.getValue()).path("content").has("application/problem+json");
                }
            }
            if (!problemError) {
                incomplete.add(route.routeKey() + " has no problem+json error");
            }
        }
        assertThat(incomplete).isEmpty();
    }

    @Test
    void pathParameters_ofEveryRoute_areDeclared() {
        List<String> undeclared = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            Set<String> declared = new HashSet<>();
            for (JsonNode parameter : operation(route).path("parameters")) {
                JsonNode resolved = resolve(parameter);
                if (resolved.path("in").asString().equals("path")) {
                    declared.add(resolved.path("name").asString());
                }
            }
            Matcher matcher = PATH_PARAMETER.matcher(route.path());
            while (matcher.find()) {
                if (!declared.contains(matcher.group(1))) {
                    undeclared.add(route.routeKey() + " {" + matcher.group(1) + "}");
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    private static JsonNode operation(Route route) {
        return document.path("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
    }

    /** Follows a local {@code $ref} such as {@code #/components/responses/Problem}. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (!ref.isString()) {
            return node;
        }
        return document.at(ref.asString().substring(1));
    }
}

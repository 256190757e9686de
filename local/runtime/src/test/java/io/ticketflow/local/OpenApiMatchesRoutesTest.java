package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.ServiceResources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document and the route table API Gateway is built from must tell the same story. */
class OpenApiMatchesRoutesTest {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");
    private static JsonNode document;

    @BeforeAll
    static void load() {
        document = OpenApiSpec.load();
    }

    @Test
    void document_isOpenApi3WithBearerJwtScheme() {
        assertThat(document.path("openapi").asString()).matches("3\\.[01]\\.\\d+");
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearerJwt");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
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
        for (OpenApiSpec.Operation operation : OpenApiSpec.operations(document)) {
            if (!routeKeys.contains(operation.key())) {
                extra.add(operation.key());
            }
        }
        assertThat(extra).as("operations in openapi.json that no route serves").isEmpty();
    }

    @Test
    void operationId_isTheFunctionThatServesTheRoute() {
        Map<String, String> wrong = new TreeMap<>();
        for (Route route : Catalogue.routes()) {
            String operationId = operation(route).path("operationId").asString("<none>");
            if (!operationId.equals(route.function())) {
                wrong.put(route.routeKey(), operationId + " (function " + route.function() + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyOperation_isTaggedWithTheServiceThatOwnsTheRoute() {
        Map<String, String> wrong = new TreeMap<>();
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(tag -> declaredTags.add(tag.path("name").asString()));
        for (ServiceResources service : Catalogue.services()) {
            for (Route route : service.routes()) {
                List<String> tags = new ArrayList<>();
                operation(route).path("tags").forEach(tag -> tags.add(tag.asString()));
                if (!tags.equals(List.of(service.service().id())) || !declaredTags.contains(service.service().id())) {
                    wrong.put(route.routeKey(), tags + " (service " + service.service().id()
                            + ", declared tags " + declaredTags + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void security_matchesWhetherTheRouteIsAuthenticated_andTheScopesItNeeds() {
        List<String> mismatched = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            JsonNode security = OpenApiSpec.security(document, operation(route));
            // OpenAPI 3.0 lists scopes only under an oauth2 scheme: the operator routes name operatorJwt
            String scheme = route.authorizationScopes().isEmpty() ? "bearerJwt" : "operatorJwt";
            boolean bearerOnly = security.isArray() && security.size() == 1
                    && security.get(0).properties().stream().map(Map.Entry::getKey).toList().equals(List.of(scheme))
                    && security.get(0).path(scheme).valueStream().map(JsonNode::asString).toList()
                            .equals(route.authorizationScopes());
            boolean open = security.isArray() && security.isEmpty();
            if (route.authenticated() ? !bearerOnly : !open) {
                mismatched.add(route.routeKey() + " (route authenticated=" + route.authenticated()
                        + ", documented security " + security + ")");
            }
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void authenticatedOperations_document401_publicOnesDoNot_andEveryOperationDocumentsProblemErrors() {
        List<String> incomplete = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            JsonNode responses = OpenApiSpec.resolve(document, operation(route).path("responses"));
            if (route.authenticated() != responses.has("401")) {
                incomplete.add(route.routeKey() + (route.authenticated() ? " lacks 401" : " is public but documents 401"));
            }
            if (route.authenticated() && !OpenApiSpec.resolve(document, responses.path("401"))
                    .path("content").has("application/json")) {
                incomplete.add(route.routeKey() + " 401 lacks the authorizer's application/json body");
            }
            boolean problemError = false;
            for (var response : responses.properties()) {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    problemError |= OpenApiSpec.resolve(document, response.getValue())
                            .path("content").has("application/problem+json");
                }
            }
            if (!problemError) {
                incomplete.add(route.routeKey() + " has no problem+json error");
            }
        }
        assertThat(incomplete).isEmpty();
    }

    @Test
    void routesNeedingAScope_document403InsufficientScope() {
        List<String> undocumented = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            if (route.authorizationScopes().isEmpty()) {
                continue;
            }
            JsonNode forbidden = OpenApiSpec.resolve(document,
                    OpenApiSpec.resolve(document, operation(route).path("responses")).path("403"));
            JsonNode example = OpenApiSpec.resolve(document, forbidden.path("content").path("application/problem+json")
                    .path("examples").path("InsufficientScope")).path("value");
            if (!example.path("type").asString("").endsWith("/insufficient-scope")) {
                undocumented.add(route.routeKey());
            }
        }
        assertThat(undocumented).as("scoped routes without a 403 insufficient-scope example").isEmpty();
    }

    @Test
    void pathParameters_ofEveryRoute_areExactlyThoseOfItsTemplate() {
        List<String> wrong = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            Set<String> declared = new LinkedHashSet<>();
            for (JsonNode parameter : operation(route).path("parameters")) {
                JsonNode resolved = OpenApiSpec.resolve(document, parameter);
                if (resolved.path("in").asString().equals("path")) {
                    declared.add(resolved.path("name").asString());
                }
            }
            Set<String> inTemplate = new LinkedHashSet<>();
            Matcher matcher = PATH_PARAMETER.matcher(route.path());
            while (matcher.find()) {
                inTemplate.add(matcher.group(1));
            }
            if (!declared.equals(inTemplate)) {
                wrong.add(route.routeKey() + " declares " + declared + ", template has " + inTemplate);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static JsonNode operation(Route route) {
        return OpenApiSpec.operation(document, route.method().name(), route.path());
    }
}

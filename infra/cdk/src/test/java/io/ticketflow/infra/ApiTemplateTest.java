package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Route;
import tools.jackson.databind.JsonNode;

class ApiTemplateTest {

    private final SynthesizedApp synth = SynthesizedApp.get();
    private final ApiStack api = synth.stacks().api();

    @Test
    void everyRouteOfTheRouteTable_existsAndTargetsTheLiveAliasOfItsFunction() {
        Map<String, JsonNode> routes = synth.resources(api, "AWS::ApiGatewayV2::Route");
        Map<String, JsonNode> integrations = synth.resources(api, "AWS::ApiGatewayV2::Integration");

        assertThat(Catalogue.routes()).isNotEmpty();
        assertThat(routes).hasSameSizeAs(Catalogue.routes());
        for (Route route : Catalogue.routes()) {
            JsonNode properties = routeWithKey(routes, route.routeKey());
            String integrationId = properties.path("Target").get("Fn::Join").get(1).get(1).get("Ref").asString();
            String uri = SynthesizedApp.text(integrations.get(integrationId).path("Properties").path("IntegrationUri"));

            assertThat(uri).as(route.routeKey())
                    .endsWith(":function:ticketflow-dev-" + route.function() + ":live");
            assertThat(integrations.get(integrationId).path("Properties").path("IntegrationType").asString())
                    .isEqualTo("AWS_PROXY");
        }
    }

    @Test
    void authenticatedRoutes_areGuardedByTheJwtAuthorizerWithTheContextIssuerAndAudience() {
        Map<String, JsonNode> routes = synth.resources(api, "AWS::ApiGatewayV2::Route");
        JsonNode authorizer = single(synth.resources(api, "AWS::ApiGatewayV2::Authorizer")).path("Properties");

        assertThat(authorizer.path("AuthorizerType").asString()).isEqualTo("JWT");
        assertThat(authorizer.path("JwtConfiguration").path("Issuer").asString()).isEqualTo(SynthesizedApp.ISSUER);
        assertThat(authorizer.path("JwtConfiguration").path("Audience").get(0).asString()).isEqualTo(SynthesizedApp.AUDIENCE);
        assertThat(authorizer.path("IdentitySource").get(0).asString()).isEqualTo("$request.header.Authorization");
        for (Route route : Catalogue.routes()) {
            assertThat(routeWithKey(routes, route.routeKey()).path("AuthorizationType").asString())
                    .as(route.routeKey())
                    .isEqualTo(route.authenticated() ? "JWT" : "NONE");
        }
    }

    @Test
    void operatorRoutes_requireTheAdminScopeAtTheGateway_andNoOtherRouteRequiresAnyScope() {
        Map<String, JsonNode> routes = synth.resources(api, "AWS::ApiGatewayV2::Route");
        // a direct point charge credits without a payment: operators only, users buy points through a top-up
        List<String> operatorRouteKeys = List.of("POST /admin/concerts",
                "POST /admin/concerts/{concertId}/queue/open", "POST /admin/concerts/{concertId}/queue/close",
                "POST /points/charges");

        for (String routeKey : operatorRouteKeys) {
            JsonNode properties = routeWithKey(routes, routeKey);
            assertThat(properties.path("AuthorizationType").asString()).as(routeKey).isEqualTo("JWT");
            assertThat(properties.path("AuthorizationScopes").valueStream().map(JsonNode::asString).toList())
                    .as(routeKey).containsExactly("ticketflow/admin");
        }
        for (Route route : Catalogue.routes()) {
            if (!operatorRouteKeys.contains(route.routeKey())) {
                assertThat(routeWithKey(routes, route.routeKey()).has("AuthorizationScopes"))
                        .as(route.routeKey() + " is for every verified user").isFalse();
            }
        }
    }

    @Test
    void everyRoutedFunction_mayBeInvokedByThisApiOnly() {
        Map<String, JsonNode> permissions = synth.resources(api, "AWS::Lambda::Permission");
        List<String> routed = Catalogue.routes().stream().map(Route::function).distinct().toList();

        for (String function : routed) {
            assertThat(permissions.values())
                    .as("invoke permission for " + function)
                    .anySatisfy(p -> {
                        assertThat(SynthesizedApp.text(p.path("Properties").path("FunctionName")))
                                .endsWith(":function:ticketflow-dev-" + function + ":live");
                        assertThat(p.path("Properties").path("Principal").asString()).isEqualTo("apigateway.amazonaws.com");
                        assertThat(p.path("Properties").path("SourceArn").toString()).contains("HttpApi");
                    });
        }
    }

    @Test
    void defaultStage_throttlesAndWritesAccessLogs() {
        JsonNode stage = single(synth.resources(api, "AWS::ApiGatewayV2::Stage")).path("Properties");

        assertThat(stage.path("StageName").asString()).isEqualTo("$default");
        assertThat(stage.path("AutoDeploy").asBoolean()).isTrue();
        assertThat(stage.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt()).isEqualTo(Stage.DEV.apiRateLimit());
        assertThat(stage.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt()).isEqualTo(Stage.DEV.apiBurstLimit());
        assertThat(stage.path("AccessLogSettings").path("DestinationArn").toString()).contains("AccessLogs");
        assertThat(stage.path("AccessLogSettings").path("Format").asString()).contains("$context.requestId");
    }

    @Test
    void anonymousRoutes_haveTheirOwnThrottleStricterThanTheStages_andTheStageWaitsForThem() {
        Map.Entry<String, JsonNode> stage = synth.resources(api, "AWS::ApiGatewayV2::Stage").entrySet().iterator().next();
        JsonNode routeSettings = stage.getValue().path("Properties").path("RouteSettings");
        Map<String, JsonNode> routes = synth.resources(api, "AWS::ApiGatewayV2::Route");

        assertThat(routeSettings.propertyNames()).containsExactlyInAnyOrder(
                "GET /concerts", "GET /concerts/{concertId}/schedules", "GET /schedules/{scheduleId}/seats",
                "GET /concerts/{concertId}/queue",
                // the provider's webhook carries no JWT: its HMAC signature is checked by the function
                "POST /points/top-ups/webhook");
        for (String routeKey : routeSettings.propertyNames()) {
            assertThat(routeSettings.path(routeKey).path("ThrottlingRateLimit").asInt()).as(routeKey)
                    .isEqualTo(Stage.DEV.anonymousThrottle().rateLimit())
                    .isLessThan(Stage.DEV.apiRateLimit());
            assertThat(routeSettings.path(routeKey).path("ThrottlingBurstLimit").asInt()).as(routeKey)
                    .isEqualTo(Stage.DEV.anonymousThrottle().burstLimit())
                    .isLessThan(Stage.DEV.apiBurstLimit());
            String routeId = routes.entrySet().stream()
                    .filter(e -> e.getValue().path("Properties").path("RouteKey").asString().equals(routeKey))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(stage.getValue().path("DependsOn").toString()).as(routeKey).contains("\"" + routeId + "\"");
        }
    }

    @Test
    void cors_allowsTheWebPageOriginAndTheAdmissionPassHeader() {
        JsonNode cors = single(synth.resources(api, "AWS::ApiGatewayV2::Api")).path("Properties").path("CorsConfiguration");

        assertThat(cors.path("AllowOrigins").valueStream().map(JsonNode::asString).toList())
                .containsExactly(SynthesizedApp.WEB_ORIGIN);
        // the methods of the route table, no PUT or PATCH that no route takes
        assertThat(cors.path("AllowMethods").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("GET", "POST", "DELETE");
        assertThat(cors.path("AllowHeaders").toString()).contains("authorization", "x-admission-pass", "idempotency-key")
                .as("the pass replaced the queue token on the reservation and payment routes")
                .doesNotContain("x-queue-token");
    }

    @Test
    void outputs_includeTheApiUrl() {
        assertThat(synth.template(api).path("Outputs").path("ApiUrl").path("Value").toString()).contains("HttpApi");
    }

    private static JsonNode routeWithKey(Map<String, JsonNode> routes, String routeKey) {
        return routes.values().stream()
                .map(r -> r.path("Properties"))
                .filter(p -> p.path("RouteKey").asString().equals(routeKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no route " + routeKey + " in the template"));
    }

    private static JsonNode single(Map<String, JsonNode> resources) {
        assertThat(resources).hasSize(1);
        return resources.values().iterator().next();
    }
}

package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.ticketflow.catalog.Catalogue;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dev stage deployed without {@code -c jwtIssuer}: the API stack brings a Cognito user pool and its authorizer
 * trusts it; with an issuer (the shared synth) there is no pool.
 */
class DevUserPoolTemplateTest {

    private static final SynthesizedApp synth = SynthesizedApp.get();
    private static ApiStack ownPool;
    /** Its template: not SynthesizedApp's cache, which knows the shared synth's API stack by the same name. */
    private static JsonNode ownPoolTemplate;

    private static synchronized ApiStack ownPool() {
        if (ownPool == null) {
            DeploymentSettings dev = synth.settings();
            DeploymentSettings withoutIssuer = new DeploymentSettings(Stage.DEV, dev.repoRoot(), dev.version(), null,
                    List.of(), dev.corsOrigins(), dev.activationBatchSize(), dev.sagaDefinition());
            App app = App.Builder.create().outdir("target/cdk-test-own-pool.out").build();
            ownPool = new ApiStack(app, Catalogue.routes(), withoutIssuer);
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
            app.synth();
            ownPoolTemplate = JsonMapper.builder().build().valueToTree(Template.fromStack(ownPool).toJSON());
        }
        return ownPool;
    }

    private static Map<String, JsonNode> resources(ApiStack api, String type) {
        if (api != ownPool()) {
            return resources(api, type);
        }
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        JsonNode all = ownPoolTemplate.path("Resources");
        for (String id : all.propertyNames()) {
            if (all.get(id).path("Type").asString("").equals(type)) {
                found.put(id, all.get(id));
            }
        }
        return found;
    }

    @Test
    void withoutAnIssuer_theAuthorizerTrustsTheStacksOwnUserPool_andAcceptsItsTwoClients() {
        ApiStack api = ownPool();
        JsonNode pool = single(resources(api, "AWS::Cognito::UserPool"));
        String poolId = logicalId(resources(api, "AWS::Cognito::UserPool"));
        Map<String, JsonNode> clients = resources(api, "AWS::Cognito::UserPoolClient");
        JsonNode jwt = single(resources(api, "AWS::ApiGatewayV2::Authorizer")).path("Properties").path("JwtConfiguration");

        assertThat(SynthesizedApp.text(jwt.path("Issuer")))
                .isEqualTo("https://cognito-idp.{AWS::Region}.{AWS::URLSuffix}/{" + poolId + "}");
        assertThat(jwt.path("Audience").toString()).contains(clients.keySet().toArray(String[]::new));
        assertThat(clients).hasSize(2);
        assertThat(pool.path("Properties").path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean()).isTrue();
        assertThat(pool.path("Properties").path("Policies").path("PasswordPolicy").path("MinimumLength").asInt()).isEqualTo(12);
    }

    @Test
    void fansSignInWithAPassword_operatorsGetTheAdminScopeByClientCredentials_andThereIsAnAdminGroup() {
        ApiStack api = ownPool();
        List<JsonNode> clients = List.copyOf(resources(api, "AWS::Cognito::UserPoolClient").values());
        JsonNode fans = clients.stream().filter(c -> c.path("Properties").path("ClientName").asString().endsWith("api-client"))
                .findFirst().orElseThrow().path("Properties");
        JsonNode operators = clients.stream().filter(c -> c.path("Properties").path("ClientName").asString().endsWith("operator-client"))
                .findFirst().orElseThrow().path("Properties");

        assertThat(fans.path("ExplicitAuthFlows").toString()).contains("ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH");
        assertThat(fans.path("GenerateSecret").asBoolean()).isFalse();
        assertThat(operators.path("AllowedOAuthFlows").toString()).isEqualTo("[\"client_credentials\"]");
        String resourceServer = logicalId(resources(api, "AWS::Cognito::UserPoolResourceServer"));
        assertThat(operators.path("AllowedOAuthScopes").toString())
                .isEqualTo("[{\"Fn::Join\":[\"\",[{\"Ref\":\"" + resourceServer + "\"},\"/admin\"]]}]");
        assertThat(operators.path("GenerateSecret").asBoolean()).isTrue();
        assertThat(single(resources(api, "AWS::Cognito::UserPoolResourceServer")).path("Properties")
                .path("Identifier").asString()).isEqualTo("ticketflow");
        assertThat(single(resources(api, "AWS::Cognito::UserPoolGroup")).path("Properties")
                .path("GroupName").asString()).isEqualTo("admin");
        assertThat(resources(api, "AWS::Cognito::UserPoolDomain")).hasSize(1);
        assertThat(ownPoolTemplate.path("Outputs").propertyNames())
                .anyMatch(name -> name.contains("UserPoolId")).anyMatch(name -> name.contains("ApiClientId"))
                .anyMatch(name -> name.contains("OperatorClientId")).anyMatch(name -> name.contains("TokenUrl"));
    }

    @Test
    void ownPool_passesTheAwsSolutionsChecks_withMfaAndThreatProtectionSetAsideForDevOnly() {
        ApiStack api = ownPool();

        assertThat(Annotations.fromStack(api).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(api).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    @Test
    void withAnIssuer_thereIsNoUserPool() {
        assertThat(synth.resources(synth.stacks().api(), "AWS::Cognito::UserPool")).isEmpty();
    }

    private static JsonNode single(Map<String, JsonNode> resources) {
        assertThat(resources).hasSize(1);
        return resources.values().iterator().next();
    }

    private static String logicalId(Map<String, JsonNode> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }
}

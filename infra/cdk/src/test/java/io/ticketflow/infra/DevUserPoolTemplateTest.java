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
    /** The web stack beside it: the page's config.json. */
    private static JsonNode ownPoolWebTemplate;
    private static App ownPoolApp;

    private static synchronized ApiStack ownPool() {
        if (ownPool == null) {
            DeploymentSettings dev = synth.settings();
            DeploymentSettings withoutIssuer = new DeploymentSettings(Stage.DEV, dev.repoRoot(), dev.version(), null,
                    List.of(), dev.corsOrigins(), dev.activationBatchSize(), dev.sagaDefinition());
            App app = App.Builder.create().outdir("target/cdk-test-own-pool.out").build();
            ownPool = new ApiStack(app, Catalogue.routes(), withoutIssuer);
            WebStack web = new WebStack(app, ownPool, withoutIssuer);
            Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
            app.synth();
            ownPoolApp = app;
            ownPoolTemplate = JsonMapper.builder().build().valueToTree(Template.fromStack(ownPool).toJSON());
            ownPoolWebTemplate = JsonMapper.builder().build().valueToTree(Template.fromStack(web).toJSON());
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
    void thePagesSignIn_isTheAuthorizationCodeFlowWithoutASecret_returningToTheDistributionsUrl() {
        ApiStack api = ownPool();
        JsonNode fans = fanClient(api);
        String distribution = fanPageDistribution(api);

        assertThat(fans.path("AllowedOAuthFlows").toString()).isEqualTo("[\"code\"]");
        assertThat(fans.path("AllowedOAuthFlowsUserPoolClient").asBoolean()).isTrue();
        assertThat(fans.path("AllowedOAuthScopes").toString()).isEqualTo("[\"openid\"]");
        assertThat(fans.path("SupportedIdentityProviders").toString()).isEqualTo("[\"COGNITO\"]");
        assertThat(fans.path("GenerateSecret").asBoolean()).isFalse();
        String pageUrl = "https://{" + distribution + ".DomainName}/";
        assertThat(SynthesizedApp.elements(fans.path("CallbackURLs"))).map(SynthesizedApp::text).containsExactly(pageUrl);
        assertThat(SynthesizedApp.elements(fans.path("LogoutURLs"))).map(SynthesizedApp::text).containsExactly(pageUrl);
    }

    @Test
    void configJson_givesThePageTheHostedUisEndpoints_theFanClient_andTheDistributionAsRedirect() {
        ApiStack api = ownPool();
        String fanClient = resources(api, "AWS::Cognito::UserPoolClient").entrySet().stream()
                .filter(c -> c.getValue().path("Properties").path("ClientName").asString().endsWith("api-client"))
                .findFirst().orElseThrow().getKey();
        String domain = logicalId(resources(api, "AWS::Cognito::UserPoolDomain"));
        String distribution = fanPageDistribution(api);

        JsonNode config = DeployedPageConfig.of(ownPoolApp, ownPoolWebTemplate);

        assertThat(config.path("signIn").asString()).isEqualTo("cognito");
        // each value reaches the web stack as an export of the API stack's resource
        assertThat(config.path("clientId").asString()).startsWith("{import:").contains("Ref" + fanClient);
        assertThat(config.path("redirectUri").asString()).matches("https://\\{import:.*" + distribution + "DomainName.*}/");
        for (String[] endpoint : new String[][] {{"authorizeUrl", "/oauth2/authorize"}, {"tokenUrl", "/oauth2/token"},
                {"logoutUrl", "/logout"}}) {
            assertThat(config.path(endpoint[0]).asString()).as(endpoint[0])
                    .matches("https://\\{import:.*Ref" + domain + ".*}\\.auth\\..*\\.amazoncognito\\.com" + endpoint[1]);
        }
        assertThat(config.path("scope").asString()).isEqualTo("openid");
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

    private static JsonNode fanClient(ApiStack api) {
        return resources(api, "AWS::Cognito::UserPoolClient").values().stream()
                .filter(c -> c.path("Properties").path("ClientName").asString().endsWith("api-client"))
                .findFirst().orElseThrow().path("Properties");
    }

    private static String fanPageDistribution(ApiStack api) {
        return resources(api, "AWS::CloudFront::Distribution").keySet().stream()
                .filter(id -> id.startsWith("FanPage")).findFirst().orElseThrow();
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

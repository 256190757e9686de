package io.ticketflow.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.ticketflow.catalog.Route;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.constructs.Construct;

/**
 * The identity provider of a {@code dev} stage deployed without {@code -c jwtIssuer=…}: a Cognito user pool, so a
 * fresh deployment accepts tokens at once. Fans sign in through the API client: on the page through the hosted UI
 * (authorization code with PKCE, back to the page), or with user name and password (e.g.
 * {@code aws cognito-idp admin-initiate-auth}); operators' programs get {@value Route#ADMIN_SCOPE} from the operator
 * client (client credentials at the pool's token endpoint); the {@code admin} group marks the people allowed to
 * run them. Users are created by the deployer only: no self sign-up.
 */
final class DevUserPool extends Construct {

    static final String ADMIN_GROUP = "admin";
    static final String RESOURCE_SERVER = Route.ADMIN_SCOPE.substring(0, Route.ADMIN_SCOPE.indexOf('/'));
    static final String ADMIN_SCOPE_NAME = Route.ADMIN_SCOPE.substring(Route.ADMIN_SCOPE.indexOf('/') + 1);

    private final UserPool pool;
    private final UserPoolClient apiClient;
    private final UserPoolClient operatorClient;

    private final UserPoolDomain domain;

    /** {@code pageUrl}: the fan's page, where the hosted sign-in returns to and sign-out ends. */
    DevUserPool(Construct scope, DeploymentSettings settings, String pageUrl) {
        super(scope, "Users");
        this.pool = UserPool.Builder.create(this, "Pool")
                .userPoolName(settings.physicalName("users"))
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12).requireLowercase(true).requireUppercase(true)
                        .requireDigits(true).requireSymbols(true)
                        .build())
                .accountRecovery(AccountRecovery.NONE)
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        this.apiClient = pool.addClient("ApiClient", UserPoolClientOptions.builder()
                .userPoolClientName(settings.physicalName("api-client"))
                .authFlows(AuthFlow.builder().userPassword(true).adminUserPassword(true).build())
                // the page: the hosted UI's authorization code, redeemed with PKCE (a public client has no secret)
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID))
                        .callbackUrls(List.of(pageUrl))
                        .logoutUrls(List.of(pageUrl))
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .generateSecret(false)
                .preventUserExistenceErrors(true)
                .build());
        CfnUserPoolGroup.Builder.create(this, "AdminGroup")
                .userPoolId(pool.getUserPoolId())
                .groupName(ADMIN_GROUP)
                .description("operators: may be given the operator client's secret, which grants " + Route.ADMIN_SCOPE)
                .build();
        ResourceServerScope admin = ResourceServerScope.Builder.create()
                .scopeName(ADMIN_SCOPE_NAME)
                .scopeDescription("the operator API (/admin routes)")
                .build();
        UserPoolResourceServer api = pool.addResourceServer("Api", UserPoolResourceServerOptions.builder()
                .identifier(RESOURCE_SERVER)
                .scopes(List.of(admin))
                .build());
        this.operatorClient = pool.addClient("OperatorClient", UserPoolClientOptions.builder()
                .userPoolClientName(settings.physicalName("operator-client"))
                .generateSecret(true)
                .authFlows(AuthFlow.builder().build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().clientCredentials(true).build())
                        .scopes(List.of(OAuthScope.resourceServer(api, admin)))
                        .build())
                .build());
        // the hosted sign-in's and the token endpoint's host: a prefix unique in the Region, hence the account id
        this.domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix(Fn.join("", List.of(settings.physicalName("signin-"), Aws.ACCOUNT_ID)))
                        .build())
                .build());

        output("UserPoolId", "the dev user pool: create users with aws cognito-idp admin-create-user", pool.getUserPoolId());
        output("ApiClientId", "app client for fans' tokens (the page's hosted sign-in, USER_PASSWORD_AUTH)", apiClient.getUserPoolClientId());
        output("OperatorClientId", "app client for operators' tokens (client credentials, scope " + Route.ADMIN_SCOPE + ")",
                operatorClient.getUserPoolClientId());
        output("TokenUrl", "the pool's OAuth 2.0 token endpoint", endpoint("/oauth2/token"));
        NagSuppressions.addResourceSuppressions(pool, List.of(
                NagPackSuppression.builder().id("AwsSolutions-COG2").reason("dev stage only: its users are test "
                        + "accounts the deployer creates, and MFA would make the README's token command interactive").build(),
                NagPackSuppression.builder().id("AwsSolutions-COG3").reason("dev stage only: threat protection needs "
                        + "Cognito's Plus feature plan; staging and prod bring their own identity provider").build()));
    }

    /**
     * What the page's {@code config.json} needs to sign a fan in through the hosted UI: the authorization code flow
     * with PKCE, back to {@code pageUrl}. The page adds {@code client_id} and {@code logout_uri} to the logout URL.
     */
    Map<String, Object> pageConfig(String pageUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("signIn", "cognito");
        config.put("authorizeUrl", endpoint("/oauth2/authorize"));
        config.put("tokenUrl", endpoint("/oauth2/token"));
        config.put("logoutUrl", endpoint("/logout"));
        config.put("clientId", apiClient.getUserPoolClientId());
        config.put("redirectUri", pageUrl);
        config.put("scope", "openid");
        return config;
    }

    private String endpoint(String path) {
        return Fn.join("", List.of(domain.baseUrl(), path));
    }

    /** The issuer the JWT authorizer trusts: {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}. */
    String issuer() {
        // written out as HttpUserPoolAuthorizer does: the pool's ProviderURL attribute has no scheme
        return Fn.join("", List.of("https://cognito-idp.", Aws.REGION, ".", Aws.URL_SUFFIX, "/", pool.getUserPoolId()));
    }

    /**
     * The audiences the JWT authorizer accepts: both clients' ids (Cognito's access tokens carry the client id as
     * {@code client_id}, which HTTP API's authorizer compares when a token has no {@code aud}).
     */
    List<String> audiences() {
        return List.of(apiClient.getUserPoolClientId(), operatorClient.getUserPoolClientId());
    }

    private void output(String id, String description, String value) {
        CfnOutput.Builder.create(this, id).description(description).value(value).build();
    }
}

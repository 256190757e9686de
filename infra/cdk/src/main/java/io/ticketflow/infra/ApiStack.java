package io.ticketflow.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ticketflow.catalog.Route;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionAttributes;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API (API Gateway v2): one route per entry of the route table, each integrated with the
 * {@link Arns#LIVE_ALIAS} alias of its function, guarded by the JWT authorizer where the table says so.
 */
public final class ApiStack extends Stack {

    /** Headers the web page sends besides the standard ones: the admission pass and idempotency keys. */
    static final List<String> CORS_HEADERS = List.of("authorization", "content-type", "idempotency-key", "x-admission-pass");

    private final HttpApi api;
    private final HttpStage stage;
    private final FanPage page;
    private final Map<String, Object> pageConfig;

    public ApiStack(Construct scope, List<Route> routeTable, DeploymentSettings settings) {
        super(scope, settings.physicalName("api"), StackProps.builder()
                .stackName(settings.physicalName("api"))
                .description("ticketflow HTTP API (" + settings.stage().id() + ")")
                .build());

        HttpApi.Builder builder = HttpApi.Builder.create(this, "HttpApi")
                .apiName(settings.physicalName("api"))
                .description("ticketflow concert ticketing API")
                .createDefaultStage(false);
        if (!settings.corsOrigins().isEmpty()) {
            builder.corsPreflight(CorsPreflightOptions.builder()
                    .allowOrigins(settings.corsOrigins())
                    .allowHeaders(CORS_HEADERS)
                    .allowMethods(corsMethods(routeTable))
                    .exposeHeaders(List.of("location"))
                    .maxAge(Duration.hours(1))
                    .build());
        }
        this.api = builder.build();

        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/aws/apigateway/" + settings.physicalName("api"))
                .retention(settings.stage().logRetention())
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        this.stage = api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .autoDeploy(true)
                // per-route Latency and 5xx: the operations dashboard's p99 per route
                .detailedMetricsEnabled(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(settings.stage().apiRateLimit())
                        .burstLimit(settings.stage().apiBurstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }
                })
                .build());

        this.page = new FanPage(this, api, routeTable, settings);
        // here, beside the distribution: an output in the web stack would only re-export this stack's value
        CfnOutput.Builder.create(this, "WebUrl")
                .description("the fan's page; the API answers under the same domain")
                .value(page.url())
                .build();
        String issuer = settings.jwtIssuer();
        List<String> audience = settings.jwtAudience();
        if (settings.ownsIdentityProvider()) {
            DevUserPool users = new DevUserPool(this, settings, page.url());
            issuer = users.issuer();
            audience = users.audiences();
            this.pageConfig = users.pageConfig(page.url());
        } else {
            // the page cannot sign anyone in here: it says so, and names the issuer whose tokens the API takes
            this.pageConfig = Map.of("signIn", "issuer", "issuer", issuer);
        }
        IHttpRouteAuthorizer authorizer = HttpJwtAuthorizer.Builder.create("JwtAuthorizer", issuer)
                .authorizerName("jwt")
                .jwtAudience(audience)
                .build();
        Map<String, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
        Map<String, Object> anonymousRoutes = new LinkedHashMap<>();
        for (Route route : routeTable) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function(),
                    name -> new HttpLambdaIntegration(name + "-integration", function(settings, name)));
            List<HttpRoute> added = api.addRoutes(AddRoutesOptions.builder()
                    .path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method().name())))
                    .integration(integration)
                    .authorizer(route.authenticated() ? authorizer : new HttpNoneAuthorizer())
                    // the gateway refuses a token without them before the function runs (which checks again)
                    .authorizationScopes(route.authorizationScopes().isEmpty() ? null : route.authorizationScopes())
                    .build());
            if (!route.authenticated()) {
                added.forEach(Suppressions::publicRoute);
                anonymousRoutes.put(route.routeKey(), throttle(settings.stage().anonymousThrottle()));
                // a stage's route settings may only name routes that exist when it is deployed
                added.forEach(stage.getNode()::addDependency);
            }
        }
        ((CfnStage) stage.getNode().getDefaultChild()).setRouteSettings(anonymousRoutes);
        new OnSaleDashboard(this, settings, api.getApiId());

        CfnOutput.Builder.create(this, "ApiUrl")
                .description("base URL of the HTTP API")
                .value(stage.getUrl())
                .build();
    }

    /** The methods the routes use, and no other: the gateway answers the preflight (OPTIONS) itself. */
    static List<CorsHttpMethod> corsMethods(List<Route> routeTable) {
        return routeTable.stream().map(route -> CorsHttpMethod.valueOf(route.method().name())).distinct().sorted().toList();
    }

    /** A route's throttle as the stage's RouteSettings (JSON, in CloudFormation's own spelling) take it. */
    private static Map<String, Object> throttle(Stage.Throttle throttle) {
        return Map.of("ThrottlingRateLimit", throttle.rateLimit(), "ThrottlingBurstLimit", throttle.burstLimit());
    }

    /**
     * The function's alias, imported by ARN: importing it into this stack also puts the permission that
     * lets API Gateway invoke it here, so the service stacks never depend on the API stack.
     */
    private IFunction function(DeploymentSettings settings, String name) {
        return Function.fromFunctionAttributes(this, "fn-" + name,
                FunctionAttributes.builder()
                        .functionArn(Arns.functionAlias(this, settings.physicalName(name)))
                        .sameEnvironment(true)
                        .build());
    }

    /** The bucket and distribution that serve the fan's page (and the API under the same domain). */
    public FanPage page() {
        return page;
    }

    /** The page's {@code config.json}: hosted sign-in of the dev user pool, or the name of the external issuer. */
    public Map<String, Object> pageConfig() {
        return pageConfig;
    }

    public HttpApi api() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }
}

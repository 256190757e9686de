package io.ticketflow.infra;

import java.util.ArrayList;
import java.util.List;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.ServiceResources;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: a stack per service, one for the HTTP API, one for the booking saga and one for the web page
 * (CloudFront in front of the page and the API), all read from the catalogue, the saga's ASL file and {@code web/}. Entry point of {@code cdk.json}.
 */
public final class TicketflowApp {

    /** The stacks of one deployment, for the synth and for the tests' assertions. */
    public record Stacks(List<ServiceStack> services, ApiStack api, SagaStack saga, WebStack web) {
    }

    private TicketflowApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        try {
            DeploymentSettings settings = DeploymentSettings.fromContext(key -> app.getNode().tryGetContext(key));
            build(app, settings);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A configuration mistake (missing jar, context value, placeholder): the message says what to do.
            System.err.println("ticketflow: " + e.getMessage());
            System.exit(1);
        }
        app.synth();
    }

    /** Adds every stack of the deployment to {@code app}, with cdk-nag's AWS Solutions checks on all. */
    public static Stacks build(App app, DeploymentSettings settings) {
        List<ServiceResources> declared = Catalogue.services();
        LambdaArtifacts artifacts = new LambdaArtifacts(settings.repoRoot(), settings.version());
        artifacts.requireAll(declared.stream()
                .filter(s -> !s.functions().isEmpty())
                .map(ServiceResources::service)
                .toList());

        List<ServiceStack> services = new ArrayList<>();
        for (ServiceResources resources : declared) {
            services.add(new ServiceStack(app, resources, settings, artifacts.jar(resources.service())));
        }
        ApiStack api = new ApiStack(app, Catalogue.routes(), settings);
        new NowServingCdn(api, "NowServingCdn", api.api(), settings);
        // The API and the saga call functions by ARN, not through exports: order the deployment instead.
        services.forEach(api::addStackDependency);
        SagaStack saga = new SagaStack(app, SagaStack.requireDefinition(settings.sagaDefinition()), settings);
        services.forEach(saga::addStackDependency);

        WebStack web = new WebStack(app, api, settings);

        Tags.of(app).add("project", "ticketflow");
        Tags.of(app).add("stage", settings.stage().id());
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return new Stacks(List.copyOf(services), api, saga, web);
    }
}

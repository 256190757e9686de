package io.ticketflow.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The fan's page ({@code web/}) copied into the bucket the API stack's {@link FanPage} serves, with a
 * {@value #CONFIG_FILE} beside it that tells the page how a fan signs in here; each deployment invalidates the
 * distribution's cache.
 */
public final class WebStack extends Stack {

    /** Beside {@code index.html}; the local runtime serves its own ({@code {"signIn": "dev"}}). */
    static final String CONFIG_FILE = "config.json";

    private final Map<String, Object> pageConfig;

    public WebStack(Construct scope, ApiStack api, DeploymentSettings settings) {
        super(scope, settings.physicalName("web"), StackProps.builder()
                .stackName(settings.physicalName("web"))
                .description("ticketflow web page, copied to the API stack's page bucket (" + settings.stage().id() + ")")
                .build());
        Path site = settings.repoRoot().resolve("web");
        this.pageConfig = api.pageConfig();
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException("no web page to deploy: " + site.resolve("index.html") + " is missing");
        }

        BucketDeployment.Builder.create(this, "Page")
                .sources(List.of(Source.asset(site.toString()), Source.jsonData(CONFIG_FILE, pageConfig)))
                .destinationBucket(api.page().bucket())
                .distribution(api.page().distribution())
                .distributionPaths(List.of("/*"))
                .build();
        suppressAcceptedFindings();
    }

    /** What {@code config.json} tells the page: how a fan signs in on this deployment. */
    public Map<String, Object> pageConfig() {
        return pageConfig;
    }

    private void suppressAcceptedFindings() {
        // BucketDeployment's copying function, a singleton the construct library defines
        for (IConstruct child : getNode().getChildren()) {
            if (child.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
                NagSuppressions.addResourceSuppressions(child, List.of(
                        NagPackSuppression.builder().id("AwsSolutions-IAM4")
                                .reason("The CDK's BucketDeployment function logs through AWSLambdaBasicExecutionRole.")
                                .build(),
                        NagPackSuppression.builder().id("AwsSolutions-IAM5")
                                .reason("BucketDeployment copies the page into its one bucket (s3:*Object* on "
                                        + "<bucket>/*) and invalidates this distribution's cache; the construct "
                                        + "library writes these grants.")
                                .build(),
                        NagPackSuppression.builder().id("AwsSolutions-L1")
                                .reason("The runtime of BucketDeployment's function is chosen by the CDK release.")
                                .build()), true);
            }
        }
    }
}

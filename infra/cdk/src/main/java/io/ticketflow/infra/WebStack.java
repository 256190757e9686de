package io.ticketflow.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.ticketflow.catalog.Route;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The fan's page ({@code web/}) on S3 behind CloudFront, with the HTTP API under the same distribution: the page
 * and the API share one origin, as in the local runtime, so the browser needs no CORS. The bucket stays private;
 * only this distribution reads it, through Origin Access Control. Each first path segment of the route table
 * gets a behaviour to the API (never cached: answers are per user, and the seat map revalidates by ETag).
 */
public final class WebStack extends Stack {

    private final Bucket bucket;
    private final Distribution distribution;

    public WebStack(Construct scope, ApiStack api, List<Route> routeTable, DeploymentSettings settings) {
        super(scope, settings.physicalName("web"), StackProps.builder()
                .stackName(settings.physicalName("web"))
                .description("ticketflow web page and its CloudFront distribution (" + settings.stage().id() + ")")
                .build());
        Path site = settings.repoRoot().resolve("web");
        if (!Files.isRegularFile(site.resolve("index.html"))) {
            throw new IllegalStateException("no web page to deploy: " + site.resolve("index.html") + " is missing");
        }

        bucket = Bucket.Builder.create(this, "Site")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(settings.stage().removalPolicy())
                .autoDeleteObjects(false)
                .build();

        // the stage is $default, so the API's paths are the page's paths: no origin path
        String apiDomain = Fn.select(2, Fn.split("/", api.api().getApiEndpoint()));
        HttpOrigin apiOrigin = HttpOrigin.Builder.create(apiDomain)
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .build();
        BehaviorOptions toApi = BehaviorOptions.builder()
                .origin(apiOrigin)
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .compress(true)
                .build();
        Map<String, BehaviorOptions> apiBehaviours = new LinkedHashMap<>();
        apiPathPatterns(routeTable).forEach(pattern -> apiBehaviours.put(pattern, toApi));

        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("ticketflow " + settings.stage().id() + ": web page and API")
                .defaultRootObject("index.html")
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                        .compress(true)
                        .build())
                .additionalBehaviors(apiBehaviours)
                .build();

        BucketDeployment.Builder.create(this, "Page")
                .sources(List.of(Source.asset(site.toString())))
                .destinationBucket(bucket)
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .build();

        CfnOutput.Builder.create(this, "WebUrl")
                .description("the fan's page; the API answers under the same domain")
                .value("https://" + distribution.getDistributionDomainName() + "/")
                .build();
        suppressAcceptedFindings();
    }

    /** {@code /concerts*}, {@code /queue-tokens*}, …: one pattern per first path segment of the route table. */
    static SortedSet<String> apiPathPatterns(List<Route> routeTable) {
        SortedSet<String> patterns = new TreeSet<>();
        for (Route route : routeTable) {
            String first = route.path().split("/")[1];
            patterns.add("/" + first + "*");
        }
        return patterns;
    }

    public Bucket bucket() {
        return bucket;
    }

    public Distribution distribution() {
        return distribution;
    }

    private void suppressAcceptedFindings() {
        NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("The bucket holds only the public page's few static files, written by the deployment; reads "
                        + "reach it only through CloudFront (Origin Access Control), whose requests the API's access "
                        + "logs and CloudFront metrics already show.")
                .build()), true);
        NagSuppressions.addResourceSuppressions(distribution, List.of(
                NagPackSuppression.builder().id("AwsSolutions-CFR1")
                        .reason("Tickets are sold to fans wherever they are; a geo restriction is a per-sale business "
                                + "decision, not a template default.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR2")
                        .reason("Abuse control sits in the API: per-route throttles, the JWT authorizer and the "
                                + "waiting queue. A WAF web ACL (Region us-east-1) is added per deployment when needed.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR3")
                        .reason("Standard logging needs an ACL-enabled bucket; the API stage's access logs record "
                                + "every API request, and the page's static reads carry no user data.")
                        .build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR4")
                        .reason("The default *.cloudfront.net certificate cannot pin a minimum TLS version; a custom "
                                + "domain with its own ACM certificate (TLSv1.2_2021) is a per-deployment choice.")
                        .build()), true);
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

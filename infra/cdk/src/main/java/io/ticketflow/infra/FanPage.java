package io.ticketflow.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.ticketflow.catalog.Route;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
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
import software.constructs.Construct;

/**
 * Where the fan's page is served: a private S3 bucket behind CloudFront, with the HTTP API under the same
 * distribution, so page and API share one origin, as in the local runtime, and the browser needs no CORS. Only this
 * distribution reads the bucket, through Origin Access Control. Each first path segment of the route table gets a
 * behaviour to the API (never cached: answers are per user, and the seat map revalidates by ETag).
 *
 * <p>It lives in the API stack, not the web stack, because the dev user pool's fan client needs the distribution's
 * URL as its sign-in callback and the API's JWT authorizer needs that client's id, while the distribution needs the
 * API's endpoint: across two stacks that is a cycle, in one stack a plain chain (DESIGN.md, issue #15).
 */
public final class FanPage extends Construct {

    private final Bucket bucket;
    private final Distribution distribution;

    FanPage(Construct scope, HttpApi api, List<Route> routeTable, DeploymentSettings settings) {
        super(scope, "FanPage");
        bucket = Bucket.Builder.create(this, "Site")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .removalPolicy(settings.stage().removalPolicy())
                .autoDeleteObjects(false)
                .build();

        // the stage is $default, so the API's paths are the page's paths: no origin path
        String apiDomain = Fn.select(2, Fn.split("/", api.getApiEndpoint()));
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

        suppressAcceptedFindings();
    }

    /** The page's address, {@code https://<distribution domain>/}: also where sign-in returns to. */
    String url() {
        return "https://" + distribution.getDistributionDomainName() + "/";
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

    Bucket bucket() {
        return bucket;
    }

    Distribution distribution() {
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
    }
}

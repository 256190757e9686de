package io.ticketflow.infra;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.QueueResources;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CacheCookieBehavior;
import software.amazon.awscdk.services.cloudfront.CacheHeaderBehavior;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.CacheQueryStringBehavior;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.constructs.Construct;

/**
 * CloudFront in front of the queue's shared "now serving" answer ({@code GET /concerts/{concertId}/queue}): a crowd
 * polling once a tick costs the API one request per edge location per tick instead of one per user (AWS's Virtual
 * Waiting Room does the same). Only GET and HEAD pass; the cache key is the path alone (no query string, header or
 * cookie a client could vary to get past the copy), kept for at most one activation tick and as the origin's
 * {@code Cache-Control: max-age} says. Conditional requests are answered 304 by CloudFront from its copy.
 */
final class NowServingCdn extends Construct {

    private final Distribution distribution;

    NowServingCdn(Construct scope, String id, HttpApi api, DeploymentSettings settings) {
        super(scope, id);
        Duration tick = Duration.seconds(Catalogue.scheduleRateSeconds(QueueResources.ACTIVATION_SCHEDULE));
        CachePolicy perTick = CachePolicy.Builder.create(this, "PerTick")
                .cachePolicyName(settings.physicalName("now-serving"))
                .comment("the queue's now-serving answer: one activation tick at most, as the origin's max-age says")
                .minTtl(Duration.seconds(0))
                .defaultTtl(tick)
                .maxTtl(tick)
                .headerBehavior(CacheHeaderBehavior.none())
                .queryStringBehavior(CacheQueryStringBehavior.none())
                .cookieBehavior(CacheCookieBehavior.none())
                .enableAcceptEncodingGzip(true)
                .enableAcceptEncodingBrotli(true)
                .build();
        // the API's endpoint is https://<id>.execute-api.<region>.amazonaws.com: the origin is its host
        String apiHost = Fn.select(2, Fn.split("/", api.getApiEndpoint()));
        this.distribution = Distribution.Builder.create(this, "Distribution")
                .comment("ticketflow " + settings.stage().id() + ": the queue's now-serving polls")
                .priceClass(PriceClass.PRICE_CLASS_100)
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(new HttpOrigin(apiHost))
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(perTick)
                        .build())
                .build();
        Suppressions.forNowServingCdn(distribution);
        CfnOutput.Builder.create(this, "NowServingUrl")
                .description("base URL for GET /concerts/{concertId}/queue through CloudFront")
                .value("https://" + distribution.getDistributionDomainName())
                .build();
    }

    Distribution distribution() {
        return distribution;
    }
}

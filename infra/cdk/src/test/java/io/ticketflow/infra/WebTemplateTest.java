package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.Route;
import tools.jackson.databind.JsonNode;

class WebTemplateTest {

    /** CloudFront's managed CachingDisabled policy. */
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    private final SynthesizedApp synth = SynthesizedApp.get();
    private final WebStack web = synth.stacks().web();
    /** The page's bucket and distribution live in the API stack (FanPage: the sign-in callback needs its URL). */
    private final ApiStack api = synth.stacks().api();

    @Test
    void bucket_isPrivate_andReadableOnlyByItsDistributionThroughOriginAccessControl() {
        JsonNode bucket = fanPage("AWS::S3::Bucket").getValue().path("Properties");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                .allSatisfy(flag -> assertThat(block.path(flag).asBoolean()).as(flag).isTrue());

        JsonNode oac = fanPage("AWS::CloudFront::OriginAccessControl").getValue().path("Properties").path("OriginAccessControlConfig");
        assertThat(oac.path("OriginAccessControlOriginType").asString()).isEqualTo("s3");
        assertThat(oac.path("SigningBehavior").asString()).isEqualTo("always");
        assertThat(oac.path("SigningProtocol").asString()).isEqualTo("sigv4");

        JsonNode s3Origin = origins().stream().filter(origin -> origin.has("S3OriginConfig")).findFirst().orElseThrow();
        assertThat(s3Origin.path("OriginAccessControlId").toString()).contains("GetAtt");

        List<JsonNode> reads = new ArrayList<>();
        fanPage("AWS::S3::BucketPolicy").getValue().path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
            if (statement.path("Effect").asString().equals("Allow")) {
                reads.add(statement);
            }
        });
        assertThat(reads).singleElement().satisfies(statement -> {
            assertThat(statement.path("Principal").path("Service").asString()).isEqualTo("cloudfront.amazonaws.com");
            assertThat(statement.path("Action").asString()).isEqualTo("s3:GetObject");
            assertThat(statement.path("Condition").path("StringEquals").path("AWS:SourceArn").toString())
                    .contains(distributionId());
        });
    }

    @Test
    void everyApiRoute_isServedUnderTheSameDomain_uncached_andWithEveryMethod() {
        JsonNode config = distributionConfig();
        JsonNode apiOrigin = origins().stream().filter(origin -> origin.has("CustomOriginConfig")).findFirst().orElseThrow();
        assertThat(apiOrigin.path("CustomOriginConfig").path("OriginProtocolPolicy").asString()).isEqualTo("https-only");
        assertThat(apiOrigin.path("DomainName").toString()).contains("Fn::Split").contains("ApiEndpoint");

        List<JsonNode> behaviours = new ArrayList<>();
        config.path("CacheBehaviors").forEach(behaviours::add);
        for (Route route : Catalogue.routes()) {
            assertThat(behaviours).as(route.routeKey()).anySatisfy(behaviour -> {
                String pattern = behaviour.path("PathPattern").asString();
                assertThat(route.path()).startsWith(pattern.substring(0, pattern.length() - 1));
                assertThat(behaviour.path("TargetOriginId").asString()).isEqualTo(apiOrigin.path("Id").asString());
                assertThat(behaviour.path("CachePolicyId").asString()).isEqualTo(CACHING_DISABLED);
                assertThat(behaviour.path("AllowedMethods").toString()).contains(route.method().name());
                assertThat(behaviour.path("ViewerProtocolPolicy").asString()).isEqualTo("https-only");
            });
        }
        // the page itself: anything else, from the bucket, over HTTPS only
        assertThat(config.path("DefaultRootObject").asString()).isEqualTo("index.html");
        assertThat(config.path("DefaultCacheBehavior").path("ViewerProtocolPolicy").asString()).isEqualTo("redirect-to-https");
        assertThat(config.path("DefaultCacheBehavior").path("Compress").asBoolean()).isTrue();
    }

    @Test
    void thePage_isCopiedIntoTheBucket_andTheDistributionInvalidatedOnEachDeployment() {
        Map<String, JsonNode> deployments = synth.resources(web, "Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(1);
        JsonNode properties = deployments.values().iterator().next().path("Properties");
        // both from the API stack, through its exports
        assertThat(properties.path("DestinationBucketName").toString()).contains(fanPage("AWS::S3::Bucket").getKey());
        assertThat(properties.path("DistributionId").toString()).contains(distributionId());
        assertThat(properties.path("DistributionPaths").toString()).isEqualTo("[\"/*\"]");
    }

    @Test
    void withAnExternalIssuer_configJson_saysSignInIsTheIssuers_andNamesIt() {
        JsonNode config = DeployedPageConfig.of(synth.app(), synth.template(web));

        assertThat(config.path("signIn").asString()).isEqualTo("issuer");
        assertThat(config.path("issuer").asString()).isEqualTo(SynthesizedApp.ISSUER);
        assertThat(config.has("authorizeUrl")).isFalse();
    }

    @Test
    void withAnExternalIssuer_thePageSignsNobodyIn_soNoClientAwaitsItsCallback() {
        assertThat(synth.resources(api, "AWS::Cognito::UserPoolClient")).isEmpty();
    }

    private JsonNode distributionConfig() {
        return fanPage("AWS::CloudFront::Distribution").getValue().path("Properties").path("DistributionConfig");
    }

    private List<JsonNode> origins() {
        List<JsonNode> origins = new ArrayList<>();
        distributionConfig().path("Origins").forEach(origins::add);
        return origins;
    }

    private String distributionId() {
        return fanPage("AWS::CloudFront::Distribution").getKey();
    }

    /** The one resource of {@code type} under the API stack's FanPage construct (the stack has another distribution). */
    private Map.Entry<String, JsonNode> fanPage(String type) {
        List<Map.Entry<String, JsonNode>> found = synth.resources(api, type).entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("FanPage")).toList();
        assertThat(found).as(type).hasSize(1);
        return found.get(0);
    }
}

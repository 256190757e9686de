package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The queue's now-serving polls go through CloudFront, which keeps each answer for one activation tick at most. */
class NowServingCdnTest {

    private final SynthesizedApp synth = SynthesizedApp.get();
    private final ApiStack api = synth.stacks().api();

    @Test
    void distribution_cachesOnlyGetAndHead_perPathAlone_forAtMostOneTick_fromTheHttpApi() {
        // the stack's other distribution is the fan's page (FanPage)
        JsonNode distribution = single(nowServing(synth.resources(api, "AWS::CloudFront::Distribution"))).path("Properties")
                .path("DistributionConfig");
        JsonNode behaviour = distribution.path("DefaultCacheBehavior");
        assertThat(behaviour.path("AllowedMethods").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("GET", "HEAD");
        assertThat(behaviour.path("ViewerProtocolPolicy").asString()).isEqualTo("redirect-to-https");
        assertThat(distribution.path("Origins").get(0).path("DomainName").toString()).contains("HttpApi");

        JsonNode policy = single(synth.resources(api, "AWS::CloudFront::CachePolicy")).path("Properties").path("CachePolicyConfig");
        assertThat(policy.path("MaxTTL").asInt()).as("one activation tick").isEqualTo(10);
        assertThat(policy.path("DefaultTTL").asInt()).isEqualTo(10);
        JsonNode key = policy.path("ParametersInCacheKeyAndForwardedToOrigin");
        assertThat(key.path("QueryStringsConfig").path("QueryStringBehavior").asString()).as("no query gets past the copy").isEqualTo("none");
        assertThat(key.path("HeadersConfig").path("HeaderBehavior").asString()).isEqualTo("none");
        assertThat(key.path("CookiesConfig").path("CookieBehavior").asString()).isEqualTo("none");
    }

    private static Map<String, JsonNode> nowServing(Map<String, JsonNode> resources) {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>(resources);
        found.keySet().removeIf(id -> !id.startsWith("NowServingCdn"));
        return found;
    }

    private static JsonNode single(Map<String, JsonNode> resources) {
        assertThat(resources).hasSize(1);
        return resources.values().iterator().next();
    }
}

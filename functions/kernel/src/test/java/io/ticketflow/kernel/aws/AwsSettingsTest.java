package io.ticketflow.kernel.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void sfnEndpointSet_sendsStepFunctionsThereAndEverythingElseToTheCommonEndpoint() {
        AwsSettings settings = AwsSettings.from(Map.of(
                AwsSettings.ENDPOINT, "http://127.0.0.1:5000",
                AwsSettings.SFN_ENDPOINT, "http://127.0.0.1:8083")::get);

        assertThat(settings.endpointOverride()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(settings.sfnEndpointOverride()).contains(URI.create("http://127.0.0.1:8083"));
    }

    @Test
    void noSfnEndpoint_sendsStepFunctionsToTheCommonEndpoint() {
        AwsSettings settings = new AwsSettings(URI.create("http://127.0.0.1:5000"), "eu-west-1", "it-");

        assertThat(settings.sfnEndpointOverride()).contains(URI.create("http://127.0.0.1:5000"));
        assertThat(settings.withSfnEndpoint(URI.create("http://127.0.0.1:9")).sfnEndpointOverride())
                .contains(URI.create("http://127.0.0.1:9"));
    }

    @Test
    void noEndpointsAtAll_meansRealAwsForEveryClient() {
        AwsSettings settings = AwsSettings.from(Map.<String, String>of()::get);

        assertThat(settings.endpointOverride()).isEmpty();
        assertThat(settings.sfnEndpointOverride()).isEmpty();
    }
}

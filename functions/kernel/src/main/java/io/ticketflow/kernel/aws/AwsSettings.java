package io.ticketflow.kernel.aws;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the AWS APIs are: real AWS by default; an emulator (moto, LocalStack) when an endpoint is set.
 * Only the endpoint changes between environments, never the code path.
 *
 * @param endpoint       null for real AWS
 * @param resourcePrefix prefix of every physical table and queue name, e.g. {@code ticketflow-dev-}
 */
public record AwsSettings(URI endpoint, String region, String resourcePrefix) {

    public static final String ENDPOINT = "AWS_ENDPOINT_URL";
    public static final String REGION = "AWS_REGION";
    public static final String RESOURCE_PREFIX = "TICKETFLOW_RESOURCE_PREFIX";

    public AwsSettings {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        resourcePrefix = resourcePrefix == null ? "" : resourcePrefix;
    }

    /** Reads the settings from a property source (environment variables on Lambda). */
    public static AwsSettings from(Function<String, String> properties) {
        String endpoint = properties.apply(ENDPOINT);
        return new AwsSettings(endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
                properties.apply(REGION), properties.apply(RESOURCE_PREFIX));
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    /** The physical name of a catalogue table or queue. */
    public String physicalName(String logicalName) {
        return resourcePrefix + logicalName;
    }
}

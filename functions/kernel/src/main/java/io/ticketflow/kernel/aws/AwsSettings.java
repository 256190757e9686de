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
 * @param sfnEndpoint    where Step Functions is when it is not at {@code endpoint} (the local runtime's own
 *                       emulator, since moto cannot run Java tasks); null = the same as {@code endpoint}
 */
public record AwsSettings(URI endpoint, String region, String resourcePrefix, URI sfnEndpoint) {

    public static final String ENDPOINT = "AWS_ENDPOINT_URL";
    public static final String REGION = "AWS_REGION";
    public static final String RESOURCE_PREFIX = "TICKETFLOW_RESOURCE_PREFIX";
    public static final String SFN_ENDPOINT = "TICKETFLOW_SFN_ENDPOINT";

    public AwsSettings {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        resourcePrefix = resourcePrefix == null ? "" : resourcePrefix;
    }

    public AwsSettings(URI endpoint, String region, String resourcePrefix) {
        this(endpoint, region, resourcePrefix, null);
    }

    /** Reads the settings from a property source (environment variables on Lambda). */
    public static AwsSettings from(Function<String, String> properties) {
        return new AwsSettings(uri(properties.apply(ENDPOINT)), properties.apply(REGION),
                properties.apply(RESOURCE_PREFIX), uri(properties.apply(SFN_ENDPOINT)));
    }

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    /** Where the Step Functions client goes: its own endpoint if set, else the common one. */
    public Optional<URI> sfnEndpointOverride() {
        return sfnEndpoint != null ? Optional.of(sfnEndpoint) : endpointOverride();
    }

    /** The same settings with Step Functions at {@code sfn}. */
    public AwsSettings withSfnEndpoint(URI sfn) {
        return new AwsSettings(endpoint, region, resourcePrefix, sfn);
    }

    private static URI uri(String value) {
        return value == null || value.isBlank() ? null : URI.create(value.trim());
    }

    /** The physical name of a catalogue table or queue. */
    public String physicalName(String logicalName) {
        return resourcePrefix + logicalName;
    }
}

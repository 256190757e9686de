package io.ticketflow.testsupport;

import java.net.URI;

/** Where the emulated AWS APIs answer; tests build real SDK clients against it. */
public record EmulatorEndpoint(URI uri, String region) {

    public static final String DEFAULT_REGION = "us-east-1";
}

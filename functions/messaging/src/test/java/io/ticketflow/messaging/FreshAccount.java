package io.ticketflow.messaging;

import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.testsupport.EmulatorEndpoint;
import java.util.UUID;

/** moto is reset per test class; a resource prefix of its own keeps each test's tables and queues apart. */
public final class FreshAccount {

    private FreshAccount() {
    }

    public static AwsClients clients(EmulatorEndpoint endpoint) {
        String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        return new AwsClients(new AwsSettings(endpoint.uri(), endpoint.region(), prefix));
    }
}

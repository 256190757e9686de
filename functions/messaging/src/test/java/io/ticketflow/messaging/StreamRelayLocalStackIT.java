package io.ticketflow.messaging;

import io.ticketflow.testsupport.OnLocalStack;

/** The {@link StreamRelayIT} scenarios against LocalStack (opt-in: Docker + {@code LOCALSTACK_AUTH_TOKEN}). */
@OnLocalStack
class StreamRelayLocalStackIT extends StreamRelayIT {
}

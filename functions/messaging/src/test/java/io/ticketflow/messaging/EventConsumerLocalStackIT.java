package io.ticketflow.messaging;

import io.ticketflow.testsupport.OnLocalStack;

/** The {@link EventConsumerIT} scenarios against LocalStack (opt-in: Docker + {@code LOCALSTACK_AUTH_TOKEN}). */
@OnLocalStack
class EventConsumerLocalStackIT extends EventConsumerIT {
}

package io.ticketflow.queue;

import io.ticketflow.testsupport.OnLocalStack;

/** The {@link ActivationIT} scenarios against LocalStack (opt-in: Docker + {@code LOCALSTACK_AUTH_TOKEN}). */
@OnLocalStack
class ActivationLocalStackIT extends ActivationIT {
}

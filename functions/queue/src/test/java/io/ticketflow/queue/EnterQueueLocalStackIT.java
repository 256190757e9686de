package io.ticketflow.queue;

import io.ticketflow.testsupport.OnLocalStack;

/** The {@link EnterQueueIT} scenarios against LocalStack (opt-in: Docker + {@code LOCALSTACK_AUTH_TOKEN}). */
@OnLocalStack
class EnterQueueLocalStackIT extends EnterQueueIT {
}

package io.ticketflow.messaging;

import io.ticketflow.testsupport.OnLocalStack;

/** The {@link OutboxWriterIT} scenarios against LocalStack (opt-in: Docker + {@code LOCALSTACK_AUTH_TOKEN}). */
@OnLocalStack
class OutboxWriterLocalStackIT extends OutboxWriterIT {
}

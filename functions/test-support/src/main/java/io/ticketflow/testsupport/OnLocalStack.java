package io.ticketflow.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Runs a moto integration test class against LocalStack instead: put it on a subclass of the moto
 * test ({@code class StreamRelayLocalStackIT extends StreamRelayIT}) and the same scenarios run there.
 * Skipped, with the reason printed, without a Docker engine or {@code LOCALSTACK_AUTH_TOKEN}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LocalStackExtension.class) // first, so its printed reason is the one a skipped run shows
@Testcontainers(disabledWithoutDocker = true)
public @interface OnLocalStack {
}

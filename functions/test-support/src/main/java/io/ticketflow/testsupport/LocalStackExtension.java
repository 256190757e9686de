package io.ticketflow.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Opt-in: runs a test class against LocalStack in a Testcontainers container instead of moto. Enabled
 * only when a Docker engine answers and {@code LOCALSTACK_AUTH_TOKEN} is set (LocalStack's image
 * requires an account token); otherwise the class is skipped and the reason is printed, so a green
 * build never hides that these tests did not run.
 */
public final class LocalStackExtension implements ExecutionCondition, ParameterResolver {

    public static final String TOKEN_VARIABLE = "LOCALSTACK_AUTH_TOKEN";
    private static final String IMAGE = System.getProperty("localstack.image", "localstack/localstack:4.10");
    private static LocalStackContainer container;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = unavailableReason();
        if (reason == null) {
            return ConditionEvaluationResult.enabled("LocalStack available");
        }
        String message = "[localstack] skipped " + context.getDisplayName() + ": " + reason;
        System.out.println(message);
        return ConditionEvaluationResult.disabled(message);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmulatorEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalStackContainer localStack = started();
        return new EmulatorEndpoint(localStack.getEndpoint(), localStack.getRegion());
    }

    private static String unavailableReason() {
        String token = System.getenv(TOKEN_VARIABLE);
        if (token == null || token.isBlank()) {
            return TOKEN_VARIABLE + " is not set (LocalStack's image needs an account token)";
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return "no Docker engine is reachable";
        }
        return null;
    }

    private static synchronized LocalStackContainer started() {
        if (container == null) {
            container = new LocalStackContainer(DockerImageName.parse(IMAGE))
                    .withEnv(TOKEN_VARIABLE, System.getenv(TOKEN_VARIABLE));
            container.start();
        }
        return container;
    }
}

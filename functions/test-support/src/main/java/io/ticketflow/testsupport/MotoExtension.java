package io.ticketflow.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: one moto server per test JVM, reset before each test class, injectable as a
 * {@link MotoServer} or {@link EmulatorEndpoint} parameter.
 */
public final class MotoExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!onLocalStack(context)) {
            MotoServer.shared().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (onLocalStack(context)) {
            return false;
        }
        Class<?> type = parameter.getParameter().getType();
        return type == MotoServer.class || type == EmulatorEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MotoServer server = MotoServer.shared();
        if (parameter.getParameter().getType() == MotoServer.class) {
            return server;
        }
        return new EmulatorEndpoint(server.endpoint(), EmulatorEndpoint.DEFAULT_REGION);
    }

    /** A subclass marked {@link OnLocalStack} inherits this extension but must not use moto. */
    private static boolean onLocalStack(ExtensionContext context) {
        return context.getTestClass().map(c -> c.isAnnotationPresent(OnLocalStack.class)).orElse(false);
    }
}

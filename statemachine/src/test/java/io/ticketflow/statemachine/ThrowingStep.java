package io.ticketflow.statemachine;

import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The start class ({@code MAIN_CLASS}) of the error-name pinning test: one saga task, registered like every
 * service registers its own, that throws the exception its input names, as a real step would.
 */
public final class ThrowingStep implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String NAME = "deductPoints";

    public record Command(String operationId, String throwing) {
    }

    public record Result(String operationId) {
    }

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        FunctionBeans.task(ctx, NAME, Command.class, Result.class, () -> command -> {
            if (command.throwing() == null) {
                return new Result(command.operationId());
            }
            throw instantiate(command.throwing(), "step " + command.operationId() + " failed");
        });
    }

    private static RuntimeException instantiate(String className, String message) {
        try {
            return (RuntimeException) Class.forName(className).getConstructor(String.class).newInstance(message);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot throw " + className, e);
        }
    }
}

package io.ticketflow.kernel.testing;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import io.ticketflow.kernel.aws.AwsSettings;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A service's functions started as their Lambda functions start: for each function the catalogue lists for the
 * service, a fresh context that sees exactly the environment that function's Lambda gets (nothing of the machine
 * running the test), the service's initializer, and a refresh, which creates every bean of the service as the
 * cold start does. A bean that cannot be created (a missing setting, a supplier of the wrong type) fails here
 * instead of in the first invocation after a deployment.
 *
 * <p>No AWS call is made: the SDK clients are built but send nothing until a function runs.
 */
public final class LambdaStarts {

    /** What Spring Cloud Function's {@code FunctionInvoker} hands every Lambda invocation to. */
    private static final ResolvableType RAW_FUNCTION = ResolvableType.forClassWithGenerics(Function.class,
            InputStream.class, byte[].class);

    /** Where the tests pretend to deploy; Lambda itself sets AWS_REGION. */
    public static final String REGION = "eu-central-1";
    public static final String RESOURCE_PREFIX = "ticketflow-test-";
    private static final String ACCOUNT = "123456789012";

    /** The admission pass key as the CDK app names it to Queue, Reservation and Payment: its alias ARN. */
    public static final String ADMISSION_KMS_KEY = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":alias/"
            + RESOURCE_PREFIX + "admission-pass";

    private LambdaStarts() {
    }

    /**
     * Starts every catalogue function of {@code service}, one context each, and returns the names of those that
     * started (all of them, in catalogue order: any other outcome throws).
     *
     * @param extraEnvironment what the CDK app adds to a function's environment beyond what every function gets
     *                         (the service stack's per-function settings)
     * @throws AssertionError naming the function whose start failed, with the cause
     */
    public static List<String> everyFunctionOf(Service service,
            Supplier<? extends ApplicationContextInitializer<GenericApplicationContext>> initializer,
            Function<String, Map<String, String>> extraEnvironment) {
        List<String> started = new ArrayList<>();
        for (FunctionSpec spec : Catalogue.functions()) {
            if (spec.service() == service) {
                ApplicationContextInitializer<GenericApplicationContext> start = initializer.get();
                Map<String, String> environment = lambdaEnvironment(spec.name(), start.getClass());
                environment.putAll(extraEnvironment.apply(spec.name()));
                start(spec.name(), start, environment);
                started.add(spec.name());
            }
        }
        return started;
    }

    /** The ARN the CDK app gives the functions that talk to the state machine of this logical name. */
    public static String stateMachineArn(String logicalName) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + RESOURCE_PREFIX + logicalName;
    }

    /** What the CDK app gives every function (ServiceFunction), plus the region Lambda sets. */
    static Map<String, String> lambdaEnvironment(String function, Class<?> startClass) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
        environment.put("MAIN_CLASS", startClass.getName());
        environment.put(AwsSettings.RESOURCE_PREFIX, RESOURCE_PREFIX);
        environment.put(AwsSettings.REGION, REGION);
        environment.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS", "WARN");
        return environment;
    }

    private static void start(String function,
            ApplicationContextInitializer<GenericApplicationContext> initializer, Map<String, String> environment) {
        try (GenericApplicationContext ctx = new GenericApplicationContext()) {
            MutablePropertySources sources = ctx.getEnvironment().getPropertySources();
            sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
            sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            sources.addFirst(new SystemEnvironmentPropertySource("lambdaEnvironment", Map.copyOf(environment)));
            initializer.initialize(ctx);
            ctx.refresh();
            FunctionRegistration<?> registration = ctx.getBean(function, FunctionRegistration.class);
            if (!(registration.getTarget() instanceof Function<?, ?>)
                    || !RAW_FUNCTION.isAssignableFrom(ResolvableType.forType(registration.getType()))) {
                throw new AssertionError("function " + function + " is registered as " + registration.getType()
                        + " around " + registration.getTarget() + ", not as the Function<InputStream, byte[]> "
                        + "FunctionInvoker calls");
            }
        } catch (RuntimeException failed) {
            throw new AssertionError("function " + function + " does not start with the environment " + environment
                    + ": " + NestedExceptionUtils.getMostSpecificCause(failed), failed);
        }
    }
}

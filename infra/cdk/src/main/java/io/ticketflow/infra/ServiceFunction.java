package io.ticketflow.infra;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One function bean behind one Lambda function: the service's jar, {@code FunctionInvoker} as handler,
 * the bean chosen by the function definition, reached through the {@link Arns#LIVE_ALIAS} alias.
 */
public final class ServiceFunction extends Construct {

    public static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
    /**
     * FunctionInvoker reads {@code spring.cloud.function.definition} from the Spring Environment, whose
     * system-environment source also finds it under this upper-case name (checked against
     * SystemEnvironmentPropertySource of Spring Framework 7).
     */
    public static final String FUNCTION_DEFINITION = "SPRING_CLOUD_FUNCTION_DEFINITION";
    public static final String MAIN_CLASS = "MAIN_CLASS";
    public static final String RESOURCE_PREFIX = "TICKETFLOW_RESOURCE_PREFIX";
    /** C1 only: a short-lived function gains more from a fast start than from C2's peak code. */
    public static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias alias;
    private final Role role;

    public ServiceFunction(Construct scope, FunctionSpec spec, Code code, DeploymentSettings settings,
                           Map<String, String> extraEnvironment) {
        super(scope, spec.name());
        String physicalName = settings.physicalName(spec.name());

        LogGroup logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + physicalName)
                .retention(settings.stage().logRetention())
                .removalPolicy(settings.stage().removalPolicy())
                .build();
        // An own role instead of the default one: the default attaches the AWS managed
        // AWSLambdaBasicExecutionRole, which may write to every log group of the account.
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("ticketflow " + physicalName)
                .build();
        logGroup.grantWrite(role);

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(FUNCTION_DEFINITION, spec.name());
        environment.put(MAIN_CLASS, mainClass(spec.service()));
        environment.put(RESOURCE_PREFIX, settings.resourcePrefix());
        environment.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        // AWSLambdaUtils logs whole events at INFO, and events carry bearer and queue tokens.
        environment.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION_ADAPTER_AWS", "WARN");
        environment.putAll(extraEnvironment);

        this.function = Function.Builder.create(this, "Function")
                .functionName(physicalName)
                .description(spec.kind() + " " + spec.name() + " (" + spec.service().id() + ")")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler(HANDLER)
                .code(code)
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeoutSeconds()))
                .reservedConcurrentExecutions(settings.stage().reservedConcurrency(spec))
                .role(role)
                .logGroup(logGroup)
                .tracing(Tracing.ACTIVE)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment)
                .build();
        this.alias = function.addAlias(Arns.LIVE_ALIAS);
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every function is published: the live alias points at currentVersion, and all callers use the alias");
    }

    /** The service's ApplicationContextInitializer, e.g. {@code io.ticketflow.queue.QueueFunctions}. */
    public static String mainClass(Service service) {
        String id = service.id();
        return "io.ticketflow." + id + "." + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Functions";
    }

    public Function function() {
        return function;
    }

    /** What everything invokes: event sources, schedules, the API and the saga. */
    public Alias alias() {
        return alias;
    }

    public Role role() {
        return role;
    }
}

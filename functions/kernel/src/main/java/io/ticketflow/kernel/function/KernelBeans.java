package io.ticketflow.kernel.function;

import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import io.ticketflow.kernel.aws.AwsSettings;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The beans every service's functions share. Idempotent, because locally one composite initializer runs
 * every service's initializer in the same context: each bean is registered only when absent (by name and type).
 */
public final class KernelBeans {

    public static final String JSON_MAPPER = "jsonMapper";
    public static final String CLOCK = "clock";
    public static final String AWS_SETTINGS = "awsSettings";
    public static final String AWS_CLIENTS = "awsClients";
    public static final String METRICS = "embeddedMetrics";

    /** Logs every incoming event at INFO, and events carry bearer and queue tokens (STACK.md). */
    static final String ADAPTER_LOGGER = "org.springframework.cloud.function.adapter.aws";
    static final String ADAPTER_LOG_LEVEL_KEY = "logging.level." + ADAPTER_LOGGER;
    static final String DEFAULTS_SOURCE = "ticketflowKernelDefaults";

    private KernelBeans() {
    }

    public static void register(GenericApplicationContext ctx) {
        quietAdapterLogging(ctx);
        registerIfAbsent(ctx, JSON_MAPPER, JsonMapper.class, KernelBeans::newJsonMapper);
        registerIfAbsent(ctx, CLOCK, Clock.class, Clock::systemUTC);
        registerIfAbsent(ctx, AWS_SETTINGS, AwsSettings.class,
                () -> AwsSettings.from(ctx.getEnvironment()::getProperty));
        registerIfAbsent(ctx, AWS_CLIENTS, AwsClients.class, () -> new AwsClients(ctx.getBean(AwsSettings.class)));
        registerIfAbsent(ctx, METRICS, EmbeddedMetrics.class, () -> new EmbeddedMetrics(
                BusinessMetric.deployment(ctx.getBean(AwsSettings.class).resourcePrefix()), ctx.getBean(Clock.class)));
    }

    /**
     * The JSON configuration of all our code: Jackson 3 defaults (ISO-8601 dates, java.time built in) and a
     * tolerant reader, so a field added by a newer client or producer never breaks an older reader. Tolerant of
     * new fields, not of wrong types: a number or boolean where text belongs (a {@code "requestId": false}) is a
     * malformed request, not the text {@code "false"}; a number with a fraction or an exponent where a whole
     * number belongs ({@code "amount": 12.5}, {@code 1e2}) and a number in quotes ({@code "12"}) are malformed
     * too, rather than silently becoming 12, 100 or 12: what a client sends is charged as sent or not at all.
     */
    public static JsonMapper newJsonMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, whole -> whole
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, fraction -> fraction
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }

    private static <T> void registerIfAbsent(GenericApplicationContext ctx, String name, Class<T> type,
                                             Supplier<T> supplier) {
        if (ctx.containsBeanDefinition(name) || ctx.getDefaultListableBeanFactory().getBeanNamesForType(type, true, false).length > 0) {
            return;
        }
        ctx.registerBean(name, type, supplier);
    }

    /**
     * Boot applies {@code logging.level.*} before initializers run, so a default added here would come too
     * late on its own: it is recorded as a lowest-precedence property (visible to anyone reading the
     * environment) and applied to the logging system directly; an explicit setting still wins.
     */
    private static void quietAdapterLogging(GenericApplicationContext ctx) {
        ConfigurableEnvironment environment = ctx.getEnvironment();
        if (!environment.getPropertySources().contains(DEFAULTS_SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_SOURCE,
                    Map.of(ADAPTER_LOG_LEVEL_KEY, LogLevel.WARN.name())));
        }
        LogLevel level = LogLevel.valueOf(environment.getProperty(ADAPTER_LOG_LEVEL_KEY, LogLevel.WARN.name())
                .trim().toUpperCase(Locale.ROOT));
        LoggingSystem.get(ctx.getClassLoader()).setLogLevel(ADAPTER_LOGGER, level);
    }
}

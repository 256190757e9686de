package io.ticketflow.kernel.function;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionKind;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers functions by their catalogue names, in code (the fast functional start under
 * {@code FunctionInvoker}). Suppliers run when the function bean is first created, after every
 * initializer has registered its beans, so they may look other beans up.
 */
public final class FunctionBeans {

    private FunctionBeans() {
    }

    /**
     * An HTTP action behind API Gateway (HTTP API, payload format 2.0): the event JSON in, the exact Lambda
     * proxy response JSON out (see {@link RawJsonFunction} for why the kernel, not SCF, writes it).
     */
    public static void http(GenericApplicationContext ctx, String name, Supplier<HttpEndpoint<?, ?>> endpoint) {
        registerRaw(ctx, name, () -> {
            ApiGatewayJson events = new ApiGatewayJson();
            return new RawJsonFunction<>(events::read, adapt(endpoint.get(), ctx.getBean(JsonMapper.class)),
                    events::write);
        });
    }

    /** An SQS consumer that reports partial batch failures; a null answer means the whole batch succeeded. */
    public static void sqs(GenericApplicationContext ctx, String name,
                           Supplier<Function<SQSEvent, SQSBatchResponse>> fn) {
        registerRaw(ctx, name, () -> {
            LambdaEventCodec<SQSEvent, SQSBatchResponse> codec = new LambdaEventCodec<>(SQSEvent.class,
                    SQSBatchResponse.class, () -> new SQSBatchResponse(List.of()));
            return new RawJsonFunction<>(codec::read, fn.get(), codec::write);
        });
    }

    /** A DynamoDB stream consumer that reports partial batch failures; null means the whole batch succeeded. */
    public static void stream(GenericApplicationContext ctx, String name,
                              Supplier<Function<DynamodbEvent, StreamsEventResponse>> fn) {
        registerRaw(ctx, name, () -> {
            LambdaEventCodec<DynamodbEvent, StreamsEventResponse> codec = new LambdaEventCodec<>(
                    DynamodbEvent.class, StreamsEventResponse.class, () -> new StreamsEventResponse(List.of()));
            return new RawJsonFunction<>(codec::read, fn.get(), codec::write);
        });
    }

    /**
     * A saga step or scheduled task: plain JSON in, plain JSON out, read and written with the kernel's
     * {@link JsonMapper}. An exception the action throws leaves {@code handleRequest} unwrapped, so Lambda
     * reports its class name as the error the state machine's {@code Catch} matches. With
     * {@code TICKETFLOW_FAULT_INJECTION=enabled} a payload can ask this step to fail (see {@link SagaTaskFunction}).
     */
    public static <I, O> void task(GenericApplicationContext ctx, String name, Class<I> in, Class<O> out,
                                   Supplier<Function<I, O>> fn) {
        registerRaw(ctx, name, () -> {
            JsonMapper json = ctx.getBean(JsonMapper.class);
            boolean faultInjection = SagaTaskFunction.FAULT_INJECTION_ENABLED.equalsIgnoreCase(
                    ctx.getEnvironment().getProperty(SagaTaskFunction.FAULT_INJECTION, "").trim());
            EmbeddedMetrics metrics = ctx.getBean(EmbeddedMetrics.class);
            Runnable failed = isSagaStep(name) ? () -> metrics.count(BusinessMetric.SAGA_FAILURES) : () -> { };
            return new RawJsonFunction<JsonNode, O>(json::readTree,
                    new SagaTaskFunction<>(name, in, fn.get(), json, faultInjection, failed), json::writeValueAsBytes);
        });
    }

    private static boolean isSagaStep(String name) {
        return Catalogue.functions().stream()
                .anyMatch(function -> function.name().equals(name) && function.kind() == FunctionKind.SAGA_TASK);
    }

    private static <I, O> ApiGatewayHttp<I, O> adapt(HttpEndpoint<I, O> endpoint, JsonMapper json) {
        return new ApiGatewayHttp<>(endpoint, json);
    }

    private static void registerRaw(GenericApplicationContext ctx, String name,
                                    Supplier<RawJsonFunction<?, ?>> fn) {
        register(ctx, name, InputStream.class, byte[].class, fn::get);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void register(GenericApplicationContext ctx, String name, Type in, Type out,
                                 Supplier<Function<?, ?>> fn) {
        // SCF 5 dropped FunctionType; it reads the in/out types from a parameterized Function type.
        Type functionType = ResolvableType.forClassWithGenerics(Function.class,
                ResolvableType.forType(in), ResolvableType.forType(out)).getType();
        ctx.registerBean(name, FunctionRegistration.class,
                () -> new FunctionRegistration(fn.get(), name).type(functionType));
    }
}

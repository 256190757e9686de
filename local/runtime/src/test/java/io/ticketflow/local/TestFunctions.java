package io.ticketflow.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.saga.InsufficientPoints;
import io.ticketflow.statemachine.SagaDefinition;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The tests' start class: the real services (through {@link LocalFunctions}) plus one test function of
 * each kind, registered through the kernel exactly as a service registers its own.
 */
public final class TestFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    static final String ECHO = "testEcho";
    static final String STREAM = "testStreamConsumer";
    static final String SQS = "testSqsConsumer";
    static final String TICK = "testTick";
    static final String RAW_EVENT = "testRawEvent";
    /** The test saga's one step, and an HTTP function that starts the saga with the functions' own SfnClient. */
    static final String SAGA_STEP = "testSagaStep";
    static final String START_SAGA = "testStartSaga";
    static final SagaDefinition TEST_SAGA = new SagaDefinition("test-saga", "TEST_SAGA_ARN");
    /** Stream items with this status always fail; SQS bodies with this text always fail. */
    static final String POISON = "POISON";
    /** SQS bodies with this text fail on their first delivery only. */
    static final String FAIL_ONCE = "FAIL_ONCE";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        new LocalFunctions().initialize(ctx);
        FunctionBeans.http(ctx, ECHO, () -> HttpEndpoint.of((HttpRequest request) -> request, TestFunctions::echo));
        registerRawEventEcho(ctx);
        FunctionBeans.stream(ctx, STREAM, () -> TestFunctions::consumeStream);
        FunctionBeans.sqs(ctx, SQS, () -> TestFunctions::consumeSqs);
        FunctionBeans.task(ctx, SAGA_STEP, SagaStep.class, SagaStep.class, () -> step -> {
            Recorded.SAGA_STEPS.add(step.caseId());
            if (step.throwing()) {
                throw new InsufficientPoints("case " + step.caseId() + " is short of points");
            }
            return step;
        });
        FunctionBeans.http(ctx, START_SAGA, () -> HttpEndpoint.of(
                (HttpRequest request) -> request.body(),
                input -> ctx.getBean(AwsClients.class).sfn().startExecution(r -> r
                        .stateMachineArn(ctx.getEnvironment().getRequiredProperty(TEST_SAGA.arnConfig()))
                        .name(ctx.getBean(JsonMapper.class).readTree(input).path("caseId").asString())
                        .input(input)).executionArn()));
        FunctionBeans.task(ctx, TICK, Tick.class, Tick.class, () -> tick -> {
            Recorded.TICKS.incrementAndGet();
            return tick;
        });
    }

    public record SagaStep(String caseId, boolean throwing) {
    }

    /** The part of an EventBridge scheduled event the tick reads. */
    public record Tick(String source, String time) {
    }

    /**
     * Answers with what arrived in the AWS event type itself, bypassing the kernel's mapping, so a test can
     * check the event the gateway builds field by field.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void registerRawEventEcho(GenericApplicationContext ctx) {
        Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> echo = event -> {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("version", event.getVersion());
            seen.put("routeKey", event.getRouteKey());
            seen.put("rawPath", event.getRawPath());
            seen.put("rawQueryString", event.getRawQueryString());
            seen.put("cookies", event.getCookies());
            seen.put("headerNames", event.getHeaders().keySet());
            seen.put("method", event.getRequestContext().getHttp().getMethod());
            seen.put("sourceIp", event.getRequestContext().getHttp().getSourceIp());
            seen.put("stage", event.getRequestContext().getStage());
            seen.put("requestId", event.getRequestContext().getRequestId());
            seen.put("timeEpoch", event.getRequestContext().getTimeEpoch());
            seen.put("claims", event.getRequestContext().getAuthorizer().getJwt().getClaims());
            seen.put("isBase64Encoded", event.getIsBase64Encoded());
            seen.put("body", event.getBody());
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(299)
                    .withHeaders(Map.of("content-type", "application/json", "x-echo", "yes"))
                    .withBody(ctx.getBean(JsonMapper.class).writeValueAsString(seen))
                    .build();
        };
        Type type = ResolvableType.forClassWithGenerics(Function.class, APIGatewayV2HTTPEvent.class,
                APIGatewayV2HTTPResponse.class).getType();
        ctx.registerBean(RAW_EVENT, FunctionRegistration.class, () -> new FunctionRegistration(echo, RAW_EVENT).type(type));
    }

    private static Map<String, Object> echo(HttpRequest request) {
        Recorded.increment(Recorded.HTTP_CALLS, request.routeKey());
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("routeKey", request.routeKey());
        echoed.put("path", request.path());
        echoed.put("pathParameters", request.pathParameters());
        echoed.put("queryParameters", request.queryParameters());
        echoed.put("caller", request.caller() == null ? null : request.caller().userId());
        echoed.put("queueToken", request.header("X-Queue-Token").orElse(null));
        echoed.put("body", request.body());
        return echoed;
    }

    private static StreamsEventResponse consumeStream(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            var image = record.getDynamodb().getNewImage();
            String id = image.get("aggregateId").getS() + "#" + image.get("sequence").getN();
            Recorded.increment(Recorded.STREAM_ATTEMPTS, id);
            if (POISON.equals(image.get("status").getS())) {
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
                // Lambda retries from the first failure; what follows it in the batch is not confirmed.
                break;
            }
            Recorded.STREAM_DELIVERIES.add(record.getEventName() + " " + id + " " + record.getEventSource());
        }
        return new StreamsEventResponse(failures);
    }

    private static SQSBatchResponse consumeSqs(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String body = message.getBody();
            int attempt = Recorded.increment(Recorded.SQS_ATTEMPTS, body);
            boolean fails = body.equals(POISON) || (body.equals(FAIL_ONCE) && attempt == 1);
            if (fails) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            } else {
                Recorded.SQS_DELIVERIES.add(body + " receive=" + message.getAttributes().get("ApproximateReceiveCount")
                        + " source=" + message.getEventSource());
            }
        }
        return new SQSBatchResponse(failures);
    }
}

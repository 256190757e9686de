package io.ticketflow.kernel.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.http.JsonBodies;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start class ({@code MAIN_CLASS}) of every {@code FunctionInvoker} in this module's tests: one function
 * of each kind, registered exactly as a service registers its own.
 */
public final class ContractTestFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        // Registering twice must be harmless: locally one composite initializer runs every service's.
        KernelBeans.register(ctx);
        FunctionBeans.http(ctx, "echo", () -> HttpEndpoint
                .of((HttpRequest request) -> new EchoCommand(
                                request.requireCaller().userId(),
                                request.pathParameter("concertId"),
                                request.header("X-Queue-Token").orElse(null),
                                JsonBodies.read(request, EchoBody.class, ctx.getBean(JsonMapper.class)).message()),
                        command -> new Echoed(command.userId(), command.concertId(), command.queueToken(),
                                command.message(), Instant.now(ctx.getBean(Clock.class))))
                .status(echoed -> 201)
                .headers(echoed -> Map.of("Location", "/concerts/" + echoed.concertId() + "/echo")));
        FunctionBeans.http(ctx, "forget", () -> HttpEndpoint.of(
                (HttpRequest request) -> request.pathParameter("concertId"),
                concertId -> null));
        FunctionBeans.http(ctx, "boom", () -> HttpEndpoint.of(
                (HttpRequest request) -> request.pathParameter("concertId"),
                concertId -> {
                    throw new IllegalStateException("table ticketflow-secret-table is gone");
                }));
        FunctionBeans.http(ctx, "notFound", () -> HttpEndpoint.of(
                (HttpRequest request) -> request.pathParameter("concertId"),
                concertId -> {
                    throw new ProblemException(ProblemTypes.NOT_FOUND, "concert " + concertId + " does not exist");
                }));
        registerTypedForComparison(ctx);
        FunctionBeans.sqs(ctx, "consume", () -> ContractTestFunctions::failPoison);
        FunctionBeans.sqs(ctx, "consumeQuietly", () -> event -> null);
        FunctionBeans.stream(ctx, "relay", () -> ContractTestFunctions::failBroken);
        FunctionBeans.task(ctx, "deductPoints", DeductPoints.class, PointsDeducted.class, () -> command -> {
            if (command.amount() > 1000) {
                throw new InsufficientPoints("user " + command.userId() + " has fewer than " + command.amount());
            }
            return new PointsDeducted(command.operationId(), 1000 - command.amount());
        });
    }

    /**
     * What the kernel deliberately does not do: hand SCF the AWS-typed functions (and a String function) so
     * the contract test can pin what SCF 5.0.5 makes of them.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void registerTypedForComparison(GenericApplicationContext ctx) {
        ctx.registerBean("typedEcho", FunctionRegistration.class, () -> new FunctionRegistration(
                new ApiGatewayHttp<>(HttpEndpoint.of((HttpRequest request) -> request.requireCaller().userId(),
                        userId -> Map.of("userId", userId)), ctx.getBean(JsonMapper.class)), "typedEcho")
                .type(ResolvableType.forClassWithGenerics(Function.class, APIGatewayV2HTTPEvent.class,
                        APIGatewayV2HTTPResponse.class).getType()));
        ctx.registerBean("stringEcho", FunctionRegistration.class, () -> new FunctionRegistration(
                (Function<String, String>) event -> event.length() + " characters", "stringEcho")
                .type(ResolvableType.forClassWithGenerics(Function.class, String.class, String.class).getType()));
        ctx.registerBean("typedConsume", FunctionRegistration.class, () -> new FunctionRegistration(
                (Function<SQSEvent, SQSBatchResponse>) event -> new SQSBatchResponse(List.of(
                        new SQSBatchResponse.BatchItemFailure(String.valueOf(event.getRecords())))), "typedConsume")
                .type(ResolvableType.forClassWithGenerics(Function.class, SQSEvent.class, SQSBatchResponse.class)
                        .getType()));
    }

    private static SQSBatchResponse failPoison(SQSEvent event) {
        return new SQSBatchResponse(event.getRecords().stream()
                .filter(message -> message.getBody().equals("poison"))
                .map(message -> new SQSBatchResponse.BatchItemFailure(message.getMessageId()))
                .toList());
    }

    private static StreamsEventResponse failBroken(DynamodbEvent event) {
        List<StreamsEventResponse.BatchItemFailure> failures = event.getRecords().stream()
                .filter(record -> record.getDynamodb().getNewImage().get("status").getS().equals("BROKEN")
                        && Boolean.FALSE.equals(record.getDynamodb().getNewImage().get("active").getBOOL())
                        && record.getDynamodb().getApproximateCreationDateTime().toInstant()
                                .equals(Instant.ofEpochSecond(1795284001L)))
                .map(record -> new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()))
                .toList();
        return new StreamsEventResponse(failures);
    }

    record EchoBody(String message) {
    }

    record EchoCommand(String userId, String concertId, String queueToken, String message) {
    }

    record Echoed(String userId, String concertId, String queueToken, String message, Instant at) {
    }

    public record DeductPoints(String operationId, String userId, long amount) {
    }

    public record PointsDeducted(String operationId, long balance) {
    }

    /** A named saga error, as the ASL {@code Catch} would match it. */
    public static final class InsufficientPoints extends RuntimeException {
        public InsufficientPoints(String message) {
            super(message);
        }
    }
}

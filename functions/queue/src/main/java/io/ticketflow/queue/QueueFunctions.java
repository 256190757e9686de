package io.ticketflow.queue;

import io.ticketflow.catalog.QueueResources;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.StreamRelay;
import io.ticketflow.queue.adapter.DynamoDbQueueRepository;
import io.ticketflow.queue.adapter.DynamoDbRateLimits;
import io.ticketflow.queue.domain.EnterRules;
import io.ticketflow.queue.domain.QueuePolicy;
import io.ticketflow.queue.domain.QueueRepository;
import io.ticketflow.queue.function.ActivateQueueFunction;
import io.ticketflow.queue.function.ActivationReport;
import io.ticketflow.queue.function.CloseQueue;
import io.ticketflow.queue.function.CloseQueueFunction;
import io.ticketflow.queue.function.ConcertPublishedHandler;
import io.ticketflow.queue.function.EnterGateFunction;
import io.ticketflow.queue.function.EnterQueueFunction;
import io.ticketflow.queue.function.ExpireQueueToken;
import io.ticketflow.queue.function.GuardedEnter;
import io.ticketflow.queue.function.NowServingFunction;
import io.ticketflow.queue.function.NowServingQuery;
import io.ticketflow.queue.function.ExpireQueueTokenFunction;
import io.ticketflow.queue.function.ExpireQueueTokensFunction;
import io.ticketflow.queue.function.ExpiryReport;
import io.ticketflow.queue.function.OpenQueue;
import io.ticketflow.queue.function.OpenQueueFunction;
import io.ticketflow.queue.function.QueueOpened;
import io.ticketflow.queue.function.QueueStatusFunction;
import io.ticketflow.queue.function.QueueStatusQuery;
import io.ticketflow.queue.function.QueueTicket;
import io.ticketflow.queue.function.QueueTick;
import io.ticketflow.queue.function.QueueTokenChange;
import io.ticketflow.queue.function.RestoreQueueToken;
import io.ticketflow.queue.function.RestoreQueueTokenFunction;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Queue service's functions, registered in code by their catalogue names: the Lambda start class of the
 * queue jar, and one of the initializers the local runtime runs together.
 */
public final class QueueFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    /**
     * Not a catalogue function: the seed and tests open queues through it. In the running system the
     * {@code queueConcertConsumer} opens a concert's queue when CONCERT_PUBLISHED arrives, and an operator
     * reopens a closed one through {@code adminOpenQueue}.
     */
    public static final String OPEN_QUEUE = "openQueue";

    static final String REPOSITORY = "queueRepository";
    static final String POLICY = "queuePolicy";
    static final String PASSES = "queueAdmissionPasses";
    static final String ENTER_RULES = "queueEnterRules";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        ctx.registerBean(POLICY, QueuePolicy.class, () -> QueueSettings.policy(ctx.getEnvironment()::getProperty));
        ctx.registerBean(REPOSITORY, QueueRepository.class, () -> newRepository(ctx));
        ctx.registerBean(PASSES, QueueTicket.Passes.class, () -> new QueueTicket.Passes(
                AdmissionKeys.signer(ctx.getEnvironment()::getProperty, ctx.getBean(AwsClients.class)::kms),
                ctx.getBean(KernelBeans.CLOCK, Clock.class)));

        ctx.registerBean(ENTER_RULES, EnterRules.class, () -> QueueSettings.enterRules(ctx.getEnvironment()::getProperty));
        FunctionBeans.http(ctx, QueueResources.ENTER_QUEUE, () -> HttpEndpoint
                .of(GuardedEnter::from, new EnterGateFunction(enterRules(ctx),
                        new DynamoDbRateLimits(ctx.getBean(AwsClients.class).dynamoDb(),
                                ctx.getBean(AwsSettings.class).physicalName(QueueResources.TOKENS_TABLE)),
                        ctx.getBean(KernelBeans.CLOCK, Clock.class),
                        new EnterQueueFunction(queues(ctx), policy(ctx), passes(ctx))))
                .status(ticket -> ticket.created() ? 201 : 200)
                .headers(ticket -> withPollAdvice(ticket, Map.of("location", "/queue-tokens/" + ticket.token()))));
        FunctionBeans.http(ctx, QueueResources.QUEUE_STATUS, () -> HttpEndpoint
                .of(QueueStatusQuery::from, new QueueStatusFunction(queues(ctx), policy(ctx), passes(ctx)))
                .headers(ticket -> withPollAdvice(ticket, Map.of("cache-control", "private, no-store"))));
        FunctionBeans.http(ctx, QueueResources.QUEUE_NOW_SERVING, () -> HttpEndpoint
                .of(NowServingQuery::from, new NowServingFunction(queues(ctx), policy(ctx), enterRules(ctx)))
                .status(serving -> serving.notModified() ? 304 : 200)
                .headers(serving -> Map.of("etag", serving.etag(),
                        "cache-control", "public, max-age=" + serving.maxAgeSeconds())));
        FunctionBeans.http(ctx, QueueResources.ADMIN_OPEN_QUEUE, () -> HttpEndpoint
                .of(OpenQueue::from, new OpenQueueFunction(queues(ctx))));
        FunctionBeans.http(ctx, QueueResources.ADMIN_CLOSE_QUEUE, () -> HttpEndpoint
                .of(CloseQueue::from, new CloseQueueFunction(queues(ctx))));
        FunctionBeans.task(ctx, QueueResources.ACTIVATE_QUEUE, QueueTick.class, ActivationReport.class,
                () -> new ActivateQueueFunction(queues(ctx), policy(ctx), ctx.getBean(KernelBeans.CLOCK, Clock.class)));
        FunctionBeans.task(ctx, QueueResources.EXPIRE_QUEUE_TOKENS, QueueTick.class, ExpiryReport.class,
                () -> new ExpireQueueTokensFunction(queues(ctx), ctx.getBean(KernelBeans.CLOCK, Clock.class)));
        FunctionBeans.task(ctx, QueueResources.EXPIRE_QUEUE_TOKEN, ExpireQueueToken.class, QueueTokenChange.class,
                () -> new ExpireQueueTokenFunction(queues(ctx)));
        FunctionBeans.task(ctx, QueueResources.RESTORE_QUEUE_TOKEN, RestoreQueueToken.class, QueueTokenChange.class,
                () -> new RestoreQueueTokenFunction(queues(ctx)));
        FunctionBeans.task(ctx, OPEN_QUEUE, OpenQueue.class, QueueOpened.class,
                () -> new OpenQueueFunction(queues(ctx)));
        FunctionBeans.sqs(ctx, QueueResources.CONCERT_CONSUMER, () -> new EventConsumer(
                ctx.getBean(AwsClients.class).dynamoDb(),
                ctx.getBean(AwsSettings.class).physicalName(QueueResources.INBOX_TABLE),
                new ConcertPublishedHandler(new OpenQueueFunction(queues(ctx))),
                ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class), ctx.getBean(KernelBeans.CLOCK, Clock.class)));
        FunctionBeans.stream(ctx, QueueResources.QUEUE_EVENTS_RELAY, () -> new StreamRelay(
                ctx.getBean(AwsClients.class).sqs(), ctx.getBean(AwsSettings.class), QueueResources.EVENTS_TABLE,
                ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class), ctx.getBean(EmbeddedMetrics.class)));
    }

    /** The per-user status says when to ask again, as the body's pollAfterSeconds and as Retry-After. */
    private static Map<String, String> withPollAdvice(QueueTicket ticket, Map<String, String> headers) {
        if (ticket.pollAfterSeconds() == null) {
            return headers;
        }
        Map<String, String> advised = new HashMap<>(headers);
        advised.put("retry-after", Long.toString(ticket.pollAfterSeconds()));
        return advised;
    }

    private static EnterRules enterRules(GenericApplicationContext ctx) {
        return ctx.getBean(ENTER_RULES, EnterRules.class);
    }

    private static QueueRepository newRepository(GenericApplicationContext ctx) {
        AwsClients aws = ctx.getBean(AwsClients.class);
        AwsSettings settings = ctx.getBean(AwsSettings.class);
        JsonMapper json = ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class);
        return new DynamoDbQueueRepository(aws.dynamoDb(), settings.physicalName(QueueResources.TOKENS_TABLE),
                new OutboxWriter(aws.dynamoDb(), settings.physicalName(QueueResources.EVENTS_TABLE), json),
                json, ctx.getBean(KernelBeans.CLOCK, Clock.class), QueueSettings.counterShards(ctx.getEnvironment()::getProperty));
    }

    private static QueueRepository queues(GenericApplicationContext ctx) {
        return ctx.getBean(REPOSITORY, QueueRepository.class);
    }

    private static QueueTicket.Passes passes(GenericApplicationContext ctx) {
        return ctx.getBean(PASSES, QueueTicket.Passes.class);
    }

    private static QueuePolicy policy(GenericApplicationContext ctx) {
        return ctx.getBean(POLICY, QueuePolicy.class);
    }
}

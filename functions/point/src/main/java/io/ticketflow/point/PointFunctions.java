package io.ticketflow.point;

import io.ticketflow.catalog.PointResources;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.StreamRelay;
import io.ticketflow.point.adapter.DynamoDbPointRepository;
import io.ticketflow.point.adapter.DynamoDbTopUpOrders;
import io.ticketflow.point.adapter.HttpPaymentProvider;
import io.ticketflow.point.domain.EarnRate;
import io.ticketflow.point.domain.PointBook;
import io.ticketflow.point.domain.PointPolicy;
import io.ticketflow.point.domain.TopUps;
import io.ticketflow.point.domain.WebhookSignature;
import io.ticketflow.point.function.AccountQuery;
import io.ticketflow.point.function.ChargePoints;
import io.ticketflow.point.function.ChargePointsFunction;
import io.ticketflow.point.function.DeductPoints;
import io.ticketflow.point.function.DeductPointsFunction;
import io.ticketflow.point.function.EarnPoints;
import io.ticketflow.point.function.EarnPointsFunction;
import io.ticketflow.point.function.EarnedPointsTakenBack;
import io.ticketflow.point.function.HistoryQuery;
import io.ticketflow.point.function.PointBalanceFunction;
import io.ticketflow.point.function.PointHistoryFunction;
import io.ticketflow.point.function.PointsDeducted;
import io.ticketflow.point.function.PointsEarned;
import io.ticketflow.point.function.PointsRefunded;
import io.ticketflow.point.function.RefundPoints;
import io.ticketflow.point.function.RefundPointsFunction;
import io.ticketflow.point.function.StartTopUp;
import io.ticketflow.point.function.StartTopUpFunction;
import io.ticketflow.point.function.TakeBackEarnedPoints;
import io.ticketflow.point.function.TakeBackEarnedPointsFunction;
import io.ticketflow.point.function.TopUpWebhook;
import io.ticketflow.point.function.TopUpWebhookFunction;
import java.time.Clock;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Point service's functions, registered in code by their catalogue names: the Lambda start class of the
 * point jar, and one of the initializers the local runtime runs together.
 */
public final class PointFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    static final String BOOK = "pointBook";
    static final String POLICY = "pointPolicy";
    static final String TOP_UPS = "pointTopUps";
    static final String WEBHOOK_SIGNATURE = "pointWebhookSignature";
    static final String EARN_RATE = "pointEarnRate";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        ctx.registerBean(POLICY, PointPolicy.class, () -> PointSettings.policy(ctx.getEnvironment()::getProperty));
        // read at start-up: an invalid rate fails every Point function before its first request
        ctx.registerBean(EARN_RATE, EarnRate.class, () -> PointSettings.earnRate(ctx.getEnvironment()::getProperty));
        ctx.registerBean(BOOK, PointBook.class, () -> newBook(ctx));
        // read at start-up: a Point function without its provider settings fails before its first request
        ctx.registerBean(WEBHOOK_SIGNATURE, WebhookSignature.class,
                () -> PointSettings.webhookSignature(ctx.getEnvironment()::getProperty));
        ctx.registerBean(TOP_UPS, TopUps.class, () -> newTopUps(ctx));

        FunctionBeans.http(ctx, PointResources.CHARGE_POINTS, () -> HttpEndpoint
                .of(request -> ChargePoints.from(request, json(ctx)), new ChargePointsFunction(book(ctx), policy(ctx))));
        FunctionBeans.http(ctx, PointResources.START_TOP_UP, () -> HttpEndpoint
                .of(request -> StartTopUp.from(request, json(ctx)), new StartTopUpFunction(topUps(ctx)))
                .status(checkout -> 201));
        FunctionBeans.http(ctx, PointResources.TOP_UP_WEBHOOK, () -> HttpEndpoint
                .of(TopUpWebhook::from, new TopUpWebhookFunction(topUps(ctx),
                        ctx.getBean(WEBHOOK_SIGNATURE, WebhookSignature.class), json(ctx), clock(ctx))));
        FunctionBeans.http(ctx, PointResources.POINT_BALANCE, () -> HttpEndpoint
                .of(AccountQuery::from, new PointBalanceFunction(book(ctx))));
        FunctionBeans.http(ctx, PointResources.POINT_HISTORY, () -> HttpEndpoint
                .of(HistoryQuery::from, new PointHistoryFunction(book(ctx))));
        FunctionBeans.task(ctx, PointResources.DEDUCT_POINTS, DeductPoints.class, PointsDeducted.class,
                () -> new DeductPointsFunction(book(ctx)));
        FunctionBeans.task(ctx, PointResources.REFUND_POINTS, RefundPoints.class, PointsRefunded.class,
                () -> new RefundPointsFunction(book(ctx)));
        FunctionBeans.task(ctx, PointResources.EARN_POINTS, EarnPoints.class, PointsEarned.class,
                () -> new EarnPointsFunction(book(ctx)));
        FunctionBeans.task(ctx, PointResources.TAKE_BACK_EARNED_POINTS, TakeBackEarnedPoints.class,
                EarnedPointsTakenBack.class, () -> new TakeBackEarnedPointsFunction(book(ctx)));
        FunctionBeans.stream(ctx, PointResources.EVENTS_RELAY, () -> new StreamRelay(
                ctx.getBean(AwsClients.class).sqs(), ctx.getBean(AwsSettings.class), PointResources.EVENTS_TABLE,
                json(ctx), ctx.getBean(EmbeddedMetrics.class)));
    }

    private static PointBook newBook(GenericApplicationContext ctx) {
        AwsClients aws = ctx.getBean(AwsClients.class);
        AwsSettings settings = ctx.getBean(AwsSettings.class);
        Clock clock = clock(ctx);
        return new PointBook(new DynamoDbPointRepository(aws.dynamoDb(),
                settings.physicalName(PointResources.ACCOUNTS_TABLE),
                new OutboxWriter(aws.dynamoDb(), settings.physicalName(PointResources.EVENTS_TABLE), json(ctx)),
                json(ctx), clock), ctx.getBean(EARN_RATE, EarnRate.class), clock);
    }

    private static TopUps newTopUps(GenericApplicationContext ctx) {
        AwsClients aws = ctx.getBean(AwsClients.class);
        AwsSettings settings = ctx.getBean(AwsSettings.class);
        return new TopUps(new HttpPaymentProvider(PointSettings.providerUrl(ctx.getEnvironment()::getProperty), json(ctx)),
                new DynamoDbTopUpOrders(aws.dynamoDb(), settings.physicalName(PointResources.ACCOUNTS_TABLE)),
                book(ctx), policy(ctx), PointSettings.currency(ctx.getEnvironment()::getProperty), clock(ctx));
    }

    private static TopUps topUps(GenericApplicationContext ctx) {
        return ctx.getBean(TOP_UPS, TopUps.class);
    }

    private static Clock clock(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.CLOCK, Clock.class);
    }

    private static PointBook book(GenericApplicationContext ctx) {
        return ctx.getBean(BOOK, PointBook.class);
    }

    private static PointPolicy policy(GenericApplicationContext ctx) {
        return ctx.getBean(POLICY, PointPolicy.class);
    }

    private static JsonMapper json(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class);
    }
}

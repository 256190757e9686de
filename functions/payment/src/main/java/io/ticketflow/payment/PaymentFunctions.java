package io.ticketflow.payment;

import io.ticketflow.catalog.PaymentResources;
import io.ticketflow.kernel.observe.EmbeddedMetrics;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.function.FunctionBeans;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.kernel.http.HttpEndpoint;
import io.ticketflow.messaging.AdmissionEventHandler;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.messaging.AdmissionGate;
import io.ticketflow.messaging.EventConsumer;
import io.ticketflow.messaging.OutboxWriter;
import io.ticketflow.messaging.StreamRelay;
import io.ticketflow.kernel.provider.ProviderClient;
import io.ticketflow.payment.adapter.DynamoDbPaymentRepository;
import io.ticketflow.payment.adapter.HttpCardProvider;
import io.ticketflow.payment.adapter.StepFunctionsBookingSaga;
import io.ticketflow.payment.domain.BookingSaga;
import io.ticketflow.payment.domain.CardProvider;
import io.ticketflow.payment.domain.PaymentRepository;
import io.ticketflow.payment.function.AuthorisePayment;
import io.ticketflow.payment.function.AuthorisePaymentFunction;
import io.ticketflow.payment.function.AwaitPayment;
import io.ticketflow.payment.function.AwaitPaymentFunction;
import io.ticketflow.payment.function.BookingQuery;
import io.ticketflow.payment.function.BookingStatusFunction;
import io.ticketflow.payment.function.CancelPayment;
import io.ticketflow.payment.function.CancelPaymentFunction;
import io.ticketflow.payment.function.CapturePayment;
import io.ticketflow.payment.function.CapturePaymentFunction;
import io.ticketflow.payment.function.GetPaymentFunction;
import io.ticketflow.payment.function.Pay;
import io.ticketflow.payment.function.PayFunction;
import io.ticketflow.payment.function.PaymentAnswer;
import io.ticketflow.payment.function.PaymentAwaited;
import io.ticketflow.payment.function.PaymentCancellation;
import io.ticketflow.payment.function.PaymentQuery;
import io.ticketflow.payment.function.PaymentReceipt;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Payment service's functions, registered in code by their catalogue names: the Lambda start class of the
 * payment jar, and one of the initializers the local runtime runs together.
 */
public final class PaymentFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    static final String SETTINGS = "paymentSettings";
    static final String REPOSITORY = "paymentRepository";
    static final String ADMISSION_GATE = "paymentAdmissionGate";
    static final String BOOKING_SAGA = "paymentBookingSaga";
    static final String CARD_PROVIDER = "paymentCardProvider";

    @Override
    public void initialize(GenericApplicationContext ctx) {
        KernelBeans.register(ctx);
        ctx.registerBean(SETTINGS, PaymentSettings.class, () -> PaymentSettings.from(ctx.getEnvironment()::getProperty));
        ctx.registerBean(REPOSITORY, PaymentRepository.class, () -> newRepository(ctx));
        ctx.registerBean(ADMISSION_GATE, AdmissionGate.class, () -> new AdmissionGate(
                AdmissionKeys.verifier(ctx.getEnvironment()::getProperty, aws(ctx)::kms),
                aws(ctx).dynamoDb(), physical(ctx, PaymentResources.ADMISSIONS_TABLE)));
        ctx.registerBean(BOOKING_SAGA, BookingSaga.class, () -> new StepFunctionsBookingSaga(
                aws(ctx).sfn(), settings(ctx).requireBookingSagaArn(), settings(ctx).requireBookingCancellationArn(),
                json(ctx)));

        // built at start-up, so a function without the provider's URL fails there, saying so
        ctx.registerBean(CARD_PROVIDER, CardProvider.class, () -> new HttpCardProvider(
                ProviderClient.baseUrl(ctx.getEnvironment()::getProperty, PaymentSettings.PROVIDER_URL), json(ctx)));

        FunctionBeans.http(ctx, PaymentResources.PAY, () -> HttpEndpoint
                .of(request -> Pay.from(request, json(ctx), settings(ctx).faultInjection()),
                        new PayFunction(payments(ctx), ctx.getBean(ADMISSION_GATE, AdmissionGate.class), saga(ctx),
                                clock(ctx), settings(ctx).confirmWait()))
                .status(PaymentAnswer::httpStatus)
                .headers(answer -> answer.httpStatus() == 202 ? Map.of("location", answer.location()) : Map.of()));
        FunctionBeans.http(ctx, PaymentResources.GET_PAYMENT, () -> HttpEndpoint
                .of(PaymentQuery::from, new GetPaymentFunction(payments(ctx))));
        FunctionBeans.http(ctx, PaymentResources.BOOKING_STATUS, () -> HttpEndpoint
                .of(BookingQuery::from, new BookingStatusFunction(saga(ctx))));
        FunctionBeans.task(ctx, PaymentResources.AWAIT_PAYMENT, AwaitPayment.class, PaymentAwaited.class,
                () -> new AwaitPaymentFunction(payments(ctx), clock(ctx)));
        FunctionBeans.task(ctx, PaymentResources.AUTHORISE_PAYMENT, AuthorisePayment.class, PaymentReceipt.class,
                () -> new AuthorisePaymentFunction(payments(ctx), cards(ctx), clock(ctx)));
        FunctionBeans.task(ctx, PaymentResources.CAPTURE_PAYMENT, CapturePayment.class, PaymentReceipt.class,
                () -> new CapturePaymentFunction(payments(ctx), cards(ctx)));
        FunctionBeans.task(ctx, PaymentResources.CANCEL_PAYMENT, CancelPayment.class, PaymentCancellation.class,
                () -> new CancelPaymentFunction(payments(ctx), cards(ctx), clock(ctx)));
        FunctionBeans.sqs(ctx, PaymentResources.ADMISSION_CONSUMER, () -> new EventConsumer(aws(ctx).dynamoDb(),
                physical(ctx, PaymentResources.INBOX_TABLE),
                new AdmissionEventHandler(physical(ctx, PaymentResources.ADMISSIONS_TABLE)), json(ctx), clock(ctx)));
        FunctionBeans.stream(ctx, PaymentResources.EVENTS_RELAY, () -> new StreamRelay(
                aws(ctx).sqs(), ctx.getBean(AwsSettings.class), PaymentResources.EVENTS_TABLE, json(ctx),
                ctx.getBean(EmbeddedMetrics.class)));
    }

    private static PaymentRepository newRepository(GenericApplicationContext ctx) {
        AwsClients aws = aws(ctx);
        return new DynamoDbPaymentRepository(aws.dynamoDb(),
                physical(ctx, PaymentResources.INTENTS_TABLE),
                physical(ctx, PaymentResources.PAYMENTS_TABLE),
                physical(ctx, PaymentResources.IDEMPOTENCY_TABLE),
                new OutboxWriter(aws.dynamoDb(), physical(ctx, PaymentResources.EVENTS_TABLE), json(ctx)),
                json(ctx), clock(ctx));
    }

    private static AwsClients aws(GenericApplicationContext ctx) {
        return ctx.getBean(AwsClients.class);
    }

    private static String physical(GenericApplicationContext ctx, String logicalTable) {
        return ctx.getBean(AwsSettings.class).physicalName(logicalTable);
    }

    private static PaymentSettings settings(GenericApplicationContext ctx) {
        return ctx.getBean(SETTINGS, PaymentSettings.class);
    }

    private static PaymentRepository payments(GenericApplicationContext ctx) {
        return ctx.getBean(REPOSITORY, PaymentRepository.class);
    }

    private static CardProvider cards(GenericApplicationContext ctx) {
        return ctx.getBean(CARD_PROVIDER, CardProvider.class);
    }

    private static BookingSaga saga(GenericApplicationContext ctx) {
        return ctx.getBean(BOOKING_SAGA, BookingSaga.class);
    }

    private static JsonMapper json(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.JSON_MAPPER, JsonMapper.class);
    }

    private static Clock clock(GenericApplicationContext ctx) {
        return ctx.getBean(KernelBeans.CLOCK, Clock.class);
    }
}

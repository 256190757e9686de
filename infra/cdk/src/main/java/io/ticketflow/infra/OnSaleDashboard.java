package io.ticketflow.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.DeadLetterQueues;
import io.ticketflow.catalog.Route;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * What an on-sale is watched by: one CloudWatch dashboard (the crowd, the bookings, the saga, p99 per route, dead
 * letters) and the alarms that say a sale is going wrong. The business metrics are the functions' EMF lines
 * ({@link BusinessMetric}); the rest is what API Gateway, Step Functions and SQS publish themselves. It lives in the
 * API stack, the one that knows the API's id; the state machine and the queues are found by their physical names,
 * as the stacks find each other (no exports).
 */
public final class OnSaleDashboard extends Construct {

    static final Duration PERIOD = Duration.minutes(1);
    /** A saga step failing for one hold in ten is a fault of ours or a dependency's, not of the fans. */
    static final double SAGA_FAILURE_RATE = 0.10;
    /** Compensations beyond a quarter of the holds: payments or confirmations are failing, not a few fans. */
    static final double COMPENSATION_RATE = 0.25;
    static final double SERVER_ERROR_RATE = 0.01;
    /** {@code POST /payments} waits up to a few seconds for its saga's outcome; beyond 5 s fans give up. */
    static final int P99_LATENCY_MS = 5_000;
    /** Below this many holds (or requests) a minute, one failure is no rate: the rate alarms stay quiet. */
    static final int MINIMUM_VOLUME = 20;
    /** HTTP API's metrics of the {@code $default} stage, as ApiStack deploys it. */
    static final String API_STAGE = "$default";

    private final DeploymentSettings settings;
    private final String apiId;
    private final Dashboard dashboard;

    public OnSaleDashboard(Construct scope, DeploymentSettings settings, String apiId) {
        super(scope, "OnSale");
        this.settings = settings;
        this.apiId = apiId;
        this.dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(settings.physicalName("on-sale"))
                .build();

        MathExpression entersPerSecond = math("enters / PERIOD(enters)", "enters/s", Map.of("enters", business(BusinessMetric.ENTERS)));
        MathExpression waiting = math("RUNNING_SUM(enters - activations)", "waiting (enters − activations since the range began)",
                Map.of("enters", business(BusinessMetric.ENTERS), "activations", business(BusinessMetric.ACTIVATIONS)));
        dashboard.addWidgets(
                graph("The crowd: enters/s and waiting", List.of(entersPerSecond), List.of(waiting)),
                graph("Admissions and bookings per minute", List.of(business(BusinessMetric.ACTIVATIONS),
                        business(BusinessMetric.HOLDS), business(BusinessMetric.CONFIRMATIONS)), List.of()));
        dashboard.addWidgets(
                graph("Undone bookings per minute", List.of(business(BusinessMetric.COMPENSATIONS),
                        business(BusinessMetric.REFUNDS)), List.of()),
                graph("Saga failures per minute", List.of(business(BusinessMetric.SAGA_FAILURES),
                        sagaExecutions("ExecutionsFailed", "booking sagas failed"),
                        sagaExecutions("ExecutionsTimedOut", "booking sagas timed out")), List.of()));
        dashboard.addWidgets(
                graph("p99 latency per route (ms)", routeLatencies(), List.of()),
                graph("Dead letters (messages waiting)", deadLetterDepths(), List.of()));

        alarm("saga-failure-rate", "more than " + percent(SAGA_FAILURE_RATE) + " of holds meet a failing saga step",
                rate(business(BusinessMetric.SAGA_FAILURES), business(BusinessMetric.HOLDS), "saga failures per hold"),
                SAGA_FAILURE_RATE);
        alarm("compensation-rate", "more than " + percent(COMPENSATION_RATE) + " of holds are undone by the saga",
                rate(business(BusinessMetric.COMPENSATIONS), business(BusinessMetric.HOLDS), "compensations per hold"),
                COMPENSATION_RATE);
        alarm("5xx-rate", "more than " + percent(SERVER_ERROR_RATE) + " of API requests answer 5xx",
                rate(api("5xx", "Sum"), api("Count", "SampleCount"), "5xx per request"), SERVER_ERROR_RATE);
        alarm("p99-latency", "the API's p99 latency is above " + P99_LATENCY_MS + " ms",
                api("Latency", "p99"), P99_LATENCY_MS);
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    private Metric business(BusinessMetric metric) {
        return Metric.Builder.create()
                .namespace(BusinessMetric.NAMESPACE)
                .metricName(metric.metricName())
                .dimensionsMap(Map.of(BusinessMetric.DEPLOYMENT_DIMENSION,
                        BusinessMetric.deployment(settings.resourcePrefix())))
                .statistic("Sum")
                .period(PERIOD)
                .label(metric.metricName())
                .build();
    }

    private Metric api(String name, String statistic) {
        return Metric.Builder.create()
                .namespace("AWS/ApiGateway")
                .metricName(name)
                .dimensionsMap(Map.of("ApiId", apiId))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    private List<IMetric> routeLatencies() {
        List<IMetric> latencies = new ArrayList<>();
        for (Route route : Catalogue.routes()) {
            latencies.add(Metric.Builder.create()
                    .namespace("AWS/ApiGateway")
                    .metricName("Latency")
                    .dimensionsMap(Map.of("ApiId", apiId, "Stage", API_STAGE,
                            "Method", route.method().name(), "Resource", route.path()))
                    .statistic("p99")
                    .period(PERIOD)
                    .label(route.method().name() + " " + route.path())
                    .build());
        }
        return latencies;
    }

    private Metric sagaExecutions(String name, String label) {
        String arn = Stack.of(this).formatArn(ArnComponents.builder()
                .service("states")
                .resource("stateMachine")
                .resourceName(settings.physicalName(SagaStack.STATE_MACHINE))
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        return Metric.Builder.create()
                .namespace("AWS/States")
                .metricName(name)
                .dimensionsMap(Map.of("StateMachineArn", arn))
                .statistic("Sum")
                .period(PERIOD)
                .label(label)
                .build();
    }

    private List<IMetric> deadLetterDepths() {
        return DeadLetterQueues.names().stream().<IMetric>map(queue -> Metric.Builder.create()
                .namespace("AWS/SQS")
                .metricName("ApproximateNumberOfMessagesVisible")
                .dimensionsMap(Map.of("QueueName", settings.physicalName(queue)))
                .statistic("Maximum")
                .period(PERIOD)
                .label(queue)
                .build()).toList();
    }

    private static MathExpression rate(IMetric part, IMetric whole, String label) {
        return math("IF(whole >= " + MINIMUM_VOLUME + ", part / whole, 0)", label, Map.of("part", part, "whole", whole));
    }

    private static MathExpression math(String expression, String label, Map<String, IMetric> using) {
        return MathExpression.Builder.create()
                .expression(expression)
                .usingMetrics(using)
                .label(label)
                .period(PERIOD)
                .build();
    }

    private void alarm(String name, String description, IMetric metric, double threshold) {
        Alarm.Builder.create(this, name)
                .alarmName(settings.physicalName(name))
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                // three of five minutes: one bad minute in a crowd is noise, three are a trend
                .evaluationPeriods(5)
                .datapointsToAlarm(3)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static GraphWidget graph(String title, List<IMetric> left, List<IMetric> right) {
        return GraphWidget.Builder.create()
                .title(title)
                .left(left)
                .right(right)
                .width(12)
                .height(6)
                .build();
    }

    private static String percent(double rate) {
        return Math.round(rate * 100) + " %";
    }
}

package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.BusinessMetric;
import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.DeadLetterQueues;
import io.ticketflow.catalog.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The on-sale dashboard and its alarms, as CloudFormation deploys them. */
class OnSaleDashboardTemplateTest {

    private final SynthesizedApp synth = SynthesizedApp.get();
    private final ApiStack operations = synth.stacks().api();

    @Test
    void dashboard_showsEveryBusinessMetric_p99OfEveryRoute_andEveryDeadLetterQueue() {
        JsonNode body = dashboardBody();
        String metrics = body.findValues("metrics").toString();

        for (BusinessMetric metric : BusinessMetric.values()) {
            assertThat(metrics).as(metric.metricName())
                    .contains("[\"Ticketflow\",\"" + metric.metricName() + "\",\"Deployment\",\"ticketflow-dev\"");
        }
        assertThat(metrics).contains("enters / PERIOD(enters)").contains("RUNNING_SUM(enters - activations)");
        List<String> p99Routes = new ArrayList<>();
        body.findValues("metrics").forEach(widget -> widget.forEach(row -> {
            if (row.get(0).asString("").equals("AWS/ApiGateway") && row.get(1).asString("").equals("Latency")
                    && row.get(row.size() - 1).path("stat").asString("").equals("p99")) {
                p99Routes.add(dimension(row, "Method") + " " + dimension(row, "Resource") + " @" + dimension(row, "Stage"));
            }
        }));
        assertThat(p99Routes).containsExactlyInAnyOrderElementsOf(
                Catalogue.routes().stream().map(route -> route.routeKey() + " @$default").toList());
        for (String queue : DeadLetterQueues.names()) {
            assertThat(metrics).as(queue).contains("\"QueueName\",\"ticketflow-dev-" + queue + "\"");
        }
        assertThat(DeadLetterQueues.names())
                .contains("booking-compensation-failures", "reservation-admission-events-dlq", "reservation-relay-failures")
                .doesNotContain("point-events-audit");
        assertThat(metrics).contains("\"AWS/States\",\"ExecutionsFailed\",\"StateMachineArn\"");
    }

    @Test
    void alarms_watchSagaFailureRate_compensationRate_5xxRate_andP99() {
        Map<String, JsonNode> alarms = synth.resources(operations, "AWS::CloudWatch::Alarm");
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        alarms.values().forEach(alarm -> byName.put(alarm.path("Properties").path("AlarmName").asString(), alarm.path("Properties")));

        assertThat(byName).containsOnlyKeys("ticketflow-dev-saga-failure-rate", "ticketflow-dev-compensation-rate",
                "ticketflow-dev-5xx-rate", "ticketflow-dev-p99-latency");
        assertRate(byName.get("ticketflow-dev-saga-failure-rate"), "SagaFailures", "Holds", OnSaleDashboard.SAGA_FAILURE_RATE);
        assertRate(byName.get("ticketflow-dev-compensation-rate"), "Compensations", "Holds", OnSaleDashboard.COMPENSATION_RATE);
        assertRate(byName.get("ticketflow-dev-5xx-rate"), "5xx", "Count", OnSaleDashboard.SERVER_ERROR_RATE);

        JsonNode p99 = byName.get("ticketflow-dev-p99-latency");
        assertThat(p99.path("Namespace").asString()).isEqualTo("AWS/ApiGateway");
        assertThat(p99.path("MetricName").asString()).isEqualTo("Latency");
        assertThat(p99.path("ExtendedStatistic").asString()).isEqualTo("p99");
        assertThat(p99.path("Threshold").asDouble()).isEqualTo(OnSaleDashboard.P99_LATENCY_MS);
        assertThat(p99.path("Dimensions").get(0).path("Value").toString()).contains("HttpApi");
        for (JsonNode alarm : byName.values()) {
            assertThat(alarm.path("ComparisonOperator").asString()).isEqualTo("GreaterThanThreshold");
            assertThat(alarm.path("EvaluationPeriods").asInt()).isEqualTo(5);
            assertThat(alarm.path("DatapointsToAlarm").asInt()).isEqualTo(3);
            assertThat(alarm.path("TreatMissingData").asString()).isEqualTo("notBreaching");
        }
    }

    @Test
    void everyFunction_logsInLambdasJsonFormat() {
        List<String> notJson = new ArrayList<>();
        synth.stacks().services().forEach(stack -> synth.resources(stack, "AWS::Lambda::Function").forEach((id, function) -> {
            if (!function.path("Properties").path("LoggingConfig").path("LogFormat").asString("").equals("JSON")) {
                notJson.add(stack.getStackName() + "/" + id);
            }
        }));

        assertThat(synth.stacks().services().stream().mapToInt(s -> synth.resources(s, "AWS::Lambda::Function").size()).sum())
                .isEqualTo(Catalogue.functions().size());
        assertThat(notJson).isEmpty();
    }

    @Test
    void apiStage_publishesPerRouteMetrics() {
        JsonNode stage = synth.resources(synth.stacks().api(), "AWS::ApiGatewayV2::Stage").values().iterator().next();

        assertThat(stage.path("Properties").path("DefaultRouteSettings").path("DetailedMetricsEnabled").asBoolean()).isTrue();
    }

    private static String dimension(JsonNode row, String name) {
        for (int i = 2; i + 1 < row.size(); i += 2) {
            if (row.get(i).asString("").equals(name)) {
                return row.get(i + 1).asString();
            }
        }
        return null;
    }

    /** Rate alarms: metric math of part over whole, quiet below the minimum volume. */
    private static void assertRate(JsonNode alarm, String part, String whole, double threshold) {
        String metrics = alarm.path("Metrics").toString();
        assertThat(alarm.path("Threshold").asDouble()).isEqualTo(threshold);
        assertThat(metrics).contains("IF(whole >= " + OnSaleDashboard.MINIMUM_VOLUME + ", part / whole, 0)")
                .contains("\"MetricName\":\"" + part + "\"").contains("\"MetricName\":\"" + whole + "\"");
    }

    /** The dashboard's JSON body, the API's id (an import) written as a placeholder. */
    private JsonNode dashboardBody() {
        Map<String, JsonNode> dashboards = synth.resources(operations, "AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        JsonNode body = dashboards.values().iterator().next().path("Properties").path("DashboardBody");
        StringBuilder text = new StringBuilder();
        if (body.has("Fn::Join")) {
            body.get("Fn::Join").get(1).forEach(part -> text.append(part.isString() ? part.asString() : "TOKEN"));
        } else {
            text.append(body.asString());
        }
        return JsonMapper.builder().build().readTree(text.toString());
    }
}

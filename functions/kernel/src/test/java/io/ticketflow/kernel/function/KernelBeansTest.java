package io.ticketflow.kernel.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class KernelBeansTest {

    @Test
    void registerTwice_likeTheLocalCompositeInitializer_yieldsOneOfEachSharedBean() {
        try (GenericApplicationContext ctx = context(Map.of())) {
            KernelBeans.register(ctx);
            KernelBeans.register(ctx);
            ctx.refresh();

            assertThat(ctx.getBeansOfType(JsonMapper.class)).containsOnlyKeys(KernelBeans.JSON_MAPPER);
            assertThat(ctx.getBeansOfType(Clock.class)).containsOnlyKeys(KernelBeans.CLOCK);
            assertThat(ctx.getBeansOfType(AwsSettings.class)).containsOnlyKeys(KernelBeans.AWS_SETTINGS);
            assertThat(ctx.getBeansOfType(AwsClients.class)).containsOnlyKeys(KernelBeans.AWS_CLIENTS);
        }
    }

    @Test
    void awsSettings_comeFromTheSpringEnvironment() {
        try (GenericApplicationContext ctx = context(Map.of(
                AwsSettings.ENDPOINT, "http://127.0.0.1:5055",
                AwsSettings.REGION, "eu-west-1",
                AwsSettings.RESOURCE_PREFIX, "ticketflow-dev-"))) {
            KernelBeans.register(ctx);
            ctx.refresh();

            assertThat(ctx.getBean(AwsSettings.class)).isEqualTo(
                    new AwsSettings(URI.create("http://127.0.0.1:5055"), "eu-west-1", "ticketflow-dev-"));
            assertThat(ctx.getBean(AwsClients.class).settings()).isSameAs(ctx.getBean(AwsSettings.class));
        }
    }

    @Test
    void beanAlreadyRegisteredByAService_underAnotherName_isKept() {
        Clock fixed = Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC);
        try (GenericApplicationContext ctx = context(Map.of())) {
            ctx.registerBean("testClock", Clock.class, () -> fixed);
            KernelBeans.register(ctx);
            ctx.refresh();

            assertThat(ctx.getBeansOfType(Clock.class)).containsOnlyKeys("testClock");
            assertThat(ctx.getBean(Clock.class)).isSameAs(fixed);
        }
    }

    @Test
    void adapterLogLevel_defaultsToWarnInTheEnvironment() {
        try (GenericApplicationContext ctx = context(Map.of())) {
            KernelBeans.register(ctx);

            assertThat(ctx.getEnvironment().getProperty(KernelBeans.ADAPTER_LOG_LEVEL_KEY)).isEqualTo("WARN");
        }
    }

    @Test
    void jsonMapper_readsUnknownFieldsTolerantly_andWritesInstantsAsIsoText() {
        JsonMapper json = KernelBeans.newJsonMapper();

        record Sample(String name, Instant at) {
        }

        Sample sample = json.readValue("{\"name\":\"a\",\"addedLater\":1,\"at\":\"2026-11-25T18:00:00Z\"}",
                Sample.class);
        assertThat(sample).isEqualTo(new Sample("a", Instant.parse("2026-11-25T18:00:00Z")));
        assertThat(json.writeValueAsString(sample)).contains("\"at\":\"2026-11-25T18:00:00Z\"");
    }

    private static GenericApplicationContext context(Map<String, Object> properties) {
        GenericApplicationContext ctx = new GenericApplicationContext();
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        return ctx;
    }

    record Charge(String requestId, long amount) {
    }

    @Test
    void jsonMapper_refusesANumberOrBooleanWhereTextBelongs_insteadOfTurningItIntoText() {
        JsonMapper json = KernelBeans.newJsonMapper();

        for (String body : new String[] {"{\"requestId\": false, \"amount\": 1}", "{\"requestId\": 12, \"amount\": 1}",
                "{\"requestId\": 1.5, \"amount\": 1}"}) {
            assertThatThrownBy(() -> json.readValue(body, Charge.class)).as(body).isInstanceOf(MismatchedInputException.class);
        }
        assertThat(json.readValue("{\"requestId\": \"r-1\", \"amount\": 1}", Charge.class)).isEqualTo(new Charge("r-1", 1));
    }

    record Hold(List<Integer> seatNos, int count, BigDecimal share) {
    }

    @Test
    void jsonMapper_refusesAFractionExponentOrQuotedNumberWhereAWholeNumberBelongs_insteadOfRoundingIt() {
        JsonMapper json = KernelBeans.newJsonMapper();

        for (String body : new String[] {"{\"requestId\": \"r-1\", \"amount\": 12.5}", "{\"requestId\": \"r-1\", \"amount\": 1e2}",
                "{\"requestId\": \"r-1\", \"amount\": 12.0}", "{\"requestId\": \"r-1\", \"amount\": \"12\"}",
                "{\"requestId\": \"r-1\", \"amount\": \"\"}", "{\"requestId\": \"r-1\", \"amount\": true}"}) {
            assertThatThrownBy(() -> json.readValue(body, Charge.class)).as(body).isInstanceOf(MismatchedInputException.class);
        }
        for (String body : new String[] {"{\"seatNos\": [7, 8.5], \"count\": 1, \"share\": 0.5}",
                "{\"seatNos\": [\"7\"], \"count\": 1, \"share\": 0.5}", "{\"seatNos\": [7], \"count\": \"1\", \"share\": 0.5}",
                "{\"seatNos\": [7], \"count\": 1, \"share\": \"0.5\"}"}) {
            assertThatThrownBy(() -> json.readValue(body, Hold.class)).as(body).isInstanceOf(MismatchedInputException.class);
        }
        assertThat(json.readValue("{\"requestId\": \"r-1\", \"amount\": 12}", Charge.class)).isEqualTo(new Charge("r-1", 12));
        assertThat(json.readValue("{\"seatNos\": [7, 8], \"count\": 2, \"share\": 1}", Hold.class))
                .isEqualTo(new Hold(List.of(7, 8), 2, new BigDecimal("1")));
    }
}

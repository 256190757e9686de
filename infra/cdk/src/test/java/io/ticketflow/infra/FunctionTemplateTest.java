package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import io.ticketflow.catalog.Service;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import tools.jackson.databind.JsonNode;

/** One Lambda function per function bean, its configuration, and what its role may do. */
class FunctionTemplateTest {

    private final SynthesizedApp synth = SynthesizedApp.get();

    @Test
    void everyFunctionBean_isAJava21FunctionInvokerWithItsDefinitionAndStartClass() {
        assertThat(Catalogue.functions()).isNotEmpty();
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode function = function(spec);
            JsonNode environment = function.path("Environment").path("Variables");

            assertThat(function.path("Runtime").asString()).as(spec.name()).isEqualTo("java21");
            assertThat(function.path("Handler").asString())
                    .isEqualTo("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest");
            assertThat(environment.path("SPRING_CLOUD_FUNCTION_DEFINITION").asString()).isEqualTo(spec.name());
            assertThat(environment.path("MAIN_CLASS").asString()).isEqualTo(ServiceFunction.mainClass(spec.service()));
            assertThat(environment.path("TICKETFLOW_RESOURCE_PREFIX").asString()).isEqualTo("ticketflow-dev-");
            assertThat(environment.path("JAVA_TOOL_OPTIONS").asString())
                    .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        }
        assertThat(ServiceFunction.mainClass(Service.RESERVATION))
                .isEqualTo("io.ticketflow.reservation.ReservationFunctions");
    }

    @Test
    void everyFunction_hasSnapStartTracingItsSizeAndReservedConcurrencyWhereDeclared() {
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode function = function(spec);

            assertThat(function.path("SnapStart").path("ApplyOn").asString()).as(spec.name()).isEqualTo("PublishedVersions");
            assertThat(function.path("TracingConfig").path("Mode").asString()).isEqualTo("Active");
            assertThat(function.path("MemorySize").asInt()).isEqualTo(spec.memoryMb());
            assertThat(function.path("Timeout").asInt()).isEqualTo(spec.timeoutSeconds());
            if (spec.reservedConcurrency() == null) {
                assertThat(function.has("ReservedConcurrentExecutions")).as(spec.name()).isFalse();
            } else {
                assertThat(function.path("ReservedConcurrentExecutions").asInt()).isEqualTo(spec.reservedConcurrency());
            }
        }
    }

    @Test
    void inProd_httpFunctionsReserveTheStagesConcurrency_andTheTicksKeepTheirOne() {
        DeploymentSettings dev = synth.settings();
        DeploymentSettings prod = new DeploymentSettings(Stage.PROD, dev.repoRoot(), dev.version(), dev.jwtIssuer(),
                dev.jwtAudience(), List.of(), dev.activationBatchSize(), dev.sagaDefinition());
        ServiceStack queue = new ServiceStack(new App(), Catalogue.service(Service.QUEUE).orElseThrow(), prod,
                new LambdaArtifacts(dev.repoRoot(), dev.version()).jar(Service.QUEUE));
        Map<String, Integer> reserved = new HashMap<>();
        Template.fromStack(queue).findResources("AWS::Lambda::Function").values().forEach(resource -> {
            Map<String, Object> properties = propertiesOf(resource);
            Object concurrency = properties.get("ReservedConcurrentExecutions");
            reserved.put(((String) properties.get("FunctionName")).substring("ticketflow-prod-".length()),
                    concurrency == null ? null : ((Number) concurrency).intValue());
        });

        assertThat(reserved).containsEntry("enterQueue", 40).containsEntry("queueStatus", 40)
                .containsEntry("adminOpenQueue", 40).containsEntry("adminCloseQueue", 40)
                .containsEntry("activateQueue", 1).containsEntry("expireQueueTokens", 1)
                .containsEntry("queueEventsRelay", null).containsEntry("expireQueueToken", null);
    }

    @Test
    void inStagingAndProd_noFunctionHasTheFaultInjectionSwitch() {
        DeploymentSettings dev = synth.settings();
        LambdaArtifacts jars = new LambdaArtifacts(dev.repoRoot(), dev.version());
        for (Stage stage : List.of(Stage.STAGING, Stage.PROD)) {
            DeploymentSettings settings = new DeploymentSettings(stage, dev.repoRoot(), dev.version(), dev.jwtIssuer(),
                    dev.jwtAudience(), List.of(), dev.activationBatchSize(), dev.sagaDefinition());
            // outside dev a stage refuses to synthesize without its payment provider
            App app = new App(AppProps.builder()
                    .context(Map.of(PaymentProviderSettings.PROVIDER_URL, "https://provider.example/v1")).build());
            List<ServiceStack> stacks = Catalogue.services().stream()
                    .map(service -> new ServiceStack(app, service, settings, jars.jar(service.service()))).toList();
            List<String> variables = new ArrayList<>();
            stacks.forEach(stack -> Template.fromStack(stack).findResources("AWS::Lambda::Function").values()
                    .forEach(function -> variables.addAll(environmentOf(function).keySet())));

            // TICKETFLOW_FAULT_INJECTION=enabled makes X-Fault-Inject and saga payloads fail steps on purpose
            assertThat(variables).as(stage.id()).hasSizeGreaterThan(Catalogue.functions().size())
                    .contains("SPRING_CLOUD_FUNCTION_DEFINITION")
                    .noneMatch(name -> name.toUpperCase(java.util.Locale.ROOT).contains("FAULT"));
        }
    }

    /** The properties of a resource as {@link Template#findResources} gives it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> propertiesOf(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environmentOf(Object function) {
        Map<String, Object> environment = (Map<String, Object>) propertiesOf(function).getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    @Test
    void everyFunction_logsToItsOwnGroupWithTheStageRetention() {
        for (FunctionSpec spec : Catalogue.functions()) {
            ServiceStack stack = synth.service(spec.service());
            String logGroupId = function(spec).path("LoggingConfig").path("LogGroup").path("Ref").asString();
            JsonNode logGroup = synth.template(stack).path("Resources").path(logGroupId).path("Properties");

            assertThat(logGroup.path("LogGroupName").asString()).isEqualTo("/aws/lambda/ticketflow-dev-" + spec.name());
            assertThat(logGroup.path("RetentionInDays").asInt()).isEqualTo(7);
        }
    }

    @Test
    void everyFunction_isReachedThroughALiveAliasOnAPublishedVersion() {
        for (FunctionSpec spec : Catalogue.functions()) {
            ServiceStack stack = synth.service(spec.service());
            String functionId = logicalId(stack, "AWS::Lambda::Function", spec);

            assertThat(synth.resources(stack, "AWS::Lambda::Alias").values())
                    .as(spec.name())
                    .anySatisfy(alias -> {
                        assertThat(alias.path("Properties").path("Name").asString()).isEqualTo("live");
                        assertThat(alias.path("Properties").path("FunctionName").path("Ref").asString()).isEqualTo(functionId);
                        assertThat(alias.path("Properties").path("FunctionVersion").path("Fn::GetAtt").get(1).asString())
                                .isEqualTo("Version");
                    });
        }
    }

    @Test
    void sagaCallers_findTheirStateMachinesArnInTheirEnvironment() {
        String machines = "arn:{AWS::Partition}:states:{AWS::Region}:{AWS::AccountId}:stateMachine:ticketflow-dev-";
        for (FunctionSpec spec : Catalogue.functions()) {
            // Payment and Reservation functions build their saga clients at start, so each needs their ARNs
            Map<String, String> arns = switch (spec.service()) {
                case PAYMENT, RESERVATION -> Map.of("BOOKING_SAGA_ARN", "booking-saga", "BOOKING_CANCELLATION_ARN", "booking-cancellation");
                default -> Map.of();
            };
            JsonNode environment = function(spec).path("Environment").path("Variables");
            arns.forEach((arnKey, machine) -> assertThat(SynthesizedApp.text(environment.path(arnKey)))
                    .as(spec.name() + " " + arnKey).isEqualTo(machines + machine));
            if (arns.isEmpty()) {
                assertThat(environment.has("BOOKING_SAGA_ARN") || environment.has("BOOKING_CANCELLATION_ARN"))
                        .as(spec.name()).isFalse();
            }
        }
    }

    @Test
    void pointFunctions_getTheProviderUrlAndTheWebhookSecretFromSecretsManager_andNoOtherFunctionGetsTheSecret() {
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode environment = function(spec).path("Environment").path("Variables");

            if (spec.service() == Service.POINT) {
                assertThat(environment.path("POINT_PROVIDER_URL").asString()).as(spec.name()).startsWith("https://");
                // a dynamic reference: CloudFormation resolves it at deploy time, the template never holds the secret
                assertThat(SynthesizedApp.text(environment.path("POINT_WEBHOOK_SECRET"))).as(spec.name())
                        .isEqualTo("{{resolve:secretsmanager:ticketflow/dev/payment-webhook:SecretString:::}}");
            } else {
                assertThat(environment.has("POINT_WEBHOOK_SECRET")).as(spec.name()).isFalse();
            }
        }
    }

    @Test
    void paymentFunctions_getTheSameProviderUrlForTheirCardPayments() {
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode environment = function(spec).path("Environment").path("Variables");

            assertThat(environment.has("PAYMENT_PROVIDER_URL")).as(spec.name())
                    .isEqualTo(spec.service() == Service.PAYMENT);
            if (spec.service() == Service.PAYMENT) {
                assertThat(environment.path("PAYMENT_PROVIDER_URL").asString()).as(spec.name())
                        .isEqualTo(PaymentProviderSettings.DEV_PROVIDER_URL);
            }
        }
    }

    @Test
    void passServices_nameTheAdmissionPassKeyByItsAlias_andNoOtherFunctionNamesAKey() {
        Set<Service> passServices = Set.of(Service.QUEUE, Service.RESERVATION, Service.PAYMENT);
        String aliasArn = "arn:{AWS::Partition}:kms:{AWS::Region}:{AWS::AccountId}:" + admissionPassAlias();
        for (FunctionSpec spec : Catalogue.functions()) {
            JsonNode environment = function(spec).path("Environment").path("Variables");

            if (passServices.contains(spec.service())) {
                // every function of these services builds its pass signer or verifier at start-up, used or not
                assertThat(SynthesizedApp.text(environment.path("TICKETFLOW_ADMISSION_KMS_KEY_ID"))).as(spec.name())
                        .isEqualTo(aliasArn);
            } else {
                assertThat(environment.has("TICKETFLOW_ADMISSION_KMS_KEY_ID")).as(spec.name()).isFalse();
            }
            // the local runtime's own keys: on AWS they would let a pass be signed without KMS
            assertThat(environment.has("TICKETFLOW_ADMISSION_SIGNING_KEY")).as(spec.name()).isFalse();
            assertThat(environment.has("TICKETFLOW_ADMISSION_PUBLIC_KEY")).as(spec.name()).isFalse();
        }
    }

    @Test
    void onlyPassIssuersMaySign_andOnlyPassCheckersMayReadThePublicKey_ofTheAdmissionPassKeyAlone() {
        String keyId = synth.resources(synth.service(Service.QUEUE), "AWS::KMS::Key").keySet().iterator().next();
        Map<String, List<String>> allowed = Map.of(
                "enterQueue", List.of("kms:Sign"),
                "queueStatus", List.of("kms:Sign"),
                "holdSeats", List.of("kms:GetPublicKey"),
                "getReservation", List.of("kms:GetPublicKey"),
                "cancelReservation", List.of("kms:GetPublicKey"),
                "pay", List.of("kms:GetPublicKey"));
        Map<String, List<String>> granted = new HashMap<>();
        for (FunctionSpec spec : Catalogue.functions()) {
            for (JsonNode statement : statements(spec)) {
                List<String> kmsActions = SynthesizedApp.elements(statement.path("Action")).stream()
                        .map(JsonNode::asString).filter(action -> action.startsWith("kms:")).toList();
                if (kmsActions.isEmpty()) {
                    continue;
                }
                granted.computeIfAbsent(spec.name(), name -> new ArrayList<>()).addAll(kmsActions);
                if (kmsActions.contains("kms:Sign")) {
                    assertThat(statement.path("Resource").path("Fn::GetAtt").get(0).asString()).as(spec.name())
                            .isEqualTo(keyId);
                } else {
                    // the key is in the queue stack: another stack reaches it only through its alias
                    assertThat(SynthesizedApp.text(statement.path("Resource"))).as(spec.name())
                            .isEqualTo("arn:{AWS::Partition}:kms:{AWS::Region}:{AWS::AccountId}:key/*");
                    assertThat(statement.path("Condition").path("ForAnyValue:StringEquals")
                            .path("kms:ResourceAliases").asString()).as(spec.name()).isEqualTo(admissionPassAlias());
                }
            }
        }

        // every other function (the sweepers, consumers, saga tasks, relays) may do nothing with the key
        assertThat(granted).isEqualTo(allowed);
    }

    /** The alias of the one KMS key of the deployment, in the queue stack. */
    private String admissionPassAlias() {
        return synth.resources(synth.service(Service.QUEUE), "AWS::KMS::Alias").values().iterator().next()
                .path("Properties").path("AliasName").asString();
    }

    private JsonNode function(FunctionSpec spec) {
        ServiceStack stack = synth.service(spec.service());
        return synth.template(stack).path("Resources").path(logicalId(stack, "AWS::Lambda::Function", spec)).path("Properties");
    }

    private String logicalId(ServiceStack stack, String type, FunctionSpec spec) {
        return synth.resources(stack, type).entrySet().stream()
                .filter(e -> e.getValue().path("Properties").path("FunctionName").asString("")
                        .equals("ticketflow-dev-" + spec.name()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function ticketflow-dev-" + spec.name()));
    }

    /** Every statement of every policy attached to the function's role. */
    private List<JsonNode> statements(FunctionSpec spec) {
        ServiceStack stack = synth.service(spec.service());
        String roleId = function(spec).path("Role").path("Fn::GetAtt").get(0).asString();
        List<JsonNode> statements = new ArrayList<>();
        synth.resources(stack, "AWS::IAM::Policy").values().stream()
                .map(p -> p.path("Properties"))
                .filter(p -> p.path("Roles").toString().contains("\"" + roleId + "\""))
                .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(statements::add));
        return statements;
    }
}

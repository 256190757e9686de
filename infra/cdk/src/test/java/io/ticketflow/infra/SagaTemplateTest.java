package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.catalog.FunctionSpec;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sagas from the real ASL files: placeholders, task targets, logging, tracing, grants, missing files. */
class SagaTemplateTest {

    private final SynthesizedApp synth = SynthesizedApp.get();
    private final SagaStack saga = synth.stacks().saga();
    private final AslDefinition asl = AslDefinition.read(SynthesizedApp.SAGA_ASL);

    @Test
    void everyPlaceholderOfTheAsl_isSubstitutedInTheTemplate() {
        JsonNode substitutions = stateMachine().path("DefinitionSubstitutions");

        assertThat(substitutions.propertyNames()).containsExactlyInAnyOrderElementsOf(asl.placeholders());
        assertThat(stateMachine().path("DefinitionS3Location").path("Key").asString()).endsWith(".json");
    }

    @Test
    void everyLambdaTask_pointsAtTheLiveAliasOfAFunctionOfTheApp() {
        JsonNode substitutions = stateMachine().path("DefinitionSubstitutions");
        List<String> functionsOfTheApp = Catalogue.functions().stream().map(FunctionSpec::name).toList();

        List<AslDefinition.Task> lambdaTasks = asl.tasks().stream().filter(t -> t.functionPlaceholder().isPresent()).toList();
        assertThat(lambdaTasks).hasSameSizeAs(asl.tasks()).extracting(AslDefinition.Task::state)
                .contains("AwaitPayment", "AuthorisePayment", "DeductPoints", "ConfirmReservation", "CapturePayment",
                        "EarnPoints", "ExpireQueueToken",
                        "RefundPointsAfterConfirmationFailure", "ReportStuckBooking");
        for (AslDefinition.Task task : lambdaTasks) {
            String arn = SynthesizedApp.text(substitutions.path(task.functionPlaceholder().get()));
            String function = arn.substring(arn.indexOf(":function:ticketflow-dev-") + ":function:ticketflow-dev-".length(),
                    arn.length() - ":live".length());

            assertThat(arn).as(task.state()).startsWith("arn:{AWS::Partition}:lambda:{AWS::Region}:{AWS::AccountId}:function:")
                    .endsWith(":live");
            assertThat(functionsOfTheApp).as(task.state()).contains(function);
        }
    }

    @Test
    void queuePlaceholders_becomeQueueUrlsOfTheCatalogue() {
        // the real sagas send to no queue: a fixture of the same shape keeps this substitution tested
        SagaStack fixture = new SagaStack(new App(), SynthesizedApp.FIXTURE_ASL.toAbsolutePath(), synth.settings());
        JsonNode template = JsonMapper.builder().build().valueToTree(Template.fromStack(fixture).toJSON());
        String url = template.path("Resources").findValues("DefinitionSubstitutions").stream()
                .filter(substitutions -> substitutions.has("QueueRelayFailuresDlqQueueUrl"))
                .map(substitutions -> SynthesizedApp.text(substitutions.get("QueueRelayFailuresDlqQueueUrl")))
                .findFirst().orElseThrow();

        assertThat(url).isEqualTo("https://sqs.{AWS::Region}.{AWS::URLSuffix}/{AWS::AccountId}/ticketflow-dev-queue-relay-failures-dlq");
    }

    @Test
    void sagaRole_mayInvokeExactlyTheFunctionsTheDefinitionCalls() {
        assertThat(invocable(stateMachine())).containsExactlyInAnyOrder(live("awaitPayment"), live("authorisePayment"),
                live("deductPoints"), live("capturePayment"), live("earnPoints"), live("confirmReservation"), live("expireQueueToken"), live("releaseSeats"),
                live("restoreQueueToken"), live("refundPoints"), live("cancelPayment"), live("reportStuckBooking"));
    }

    @Test
    void stateMachine_isStandardWithFullLoggingAndTracing() {
        JsonNode machine = stateMachine();

        assertThat(machine.path("StateMachineType").asString()).isEqualTo("STANDARD");
        assertThat(machine.path("StateMachineName").asString()).isEqualTo("ticketflow-dev-booking-saga");
        assertThat(machine.path("LoggingConfiguration").path("Level").asString()).isEqualTo("ALL");
        assertThat(machine.path("TracingConfiguration").path("Enabled").asBoolean()).isTrue();
        assertThat(synth.template(saga).path("Outputs").path("StateMachineArn").path("Value").toString()).contains("StateMachine");
    }

    @Test
    void noStage_logsExecutionData_ofEitherMachine() {
        // execution data carries user ids, queue tokens and task tokens
        assertThat(synth.resources(saga, "AWS::StepFunctions::StateMachine").values()).hasSize(2).allSatisfy(machine ->
                assertThat(machine.path("Properties").path("LoggingConfiguration").path("IncludeExecutionData").toString())
                        .isEqualTo("false"));
        DeploymentSettings dev = synth.settings();
        for (Stage stage : List.of(Stage.STAGING, Stage.PROD)) {
            DeploymentSettings settings = new DeploymentSettings(stage, dev.repoRoot(), dev.version(), dev.jwtIssuer(),
                    dev.jwtAudience(), List.of(), dev.activationBatchSize(), dev.sagaDefinition());
            Template template = Template.fromStack(new SagaStack(new App(), dev.sagaDefinition(), settings));

            assertThat(template.findResources("AWS::StepFunctions::StateMachine", Map.of("Properties",
                    Map.of("LoggingConfiguration", Map.of("IncludeExecutionData", false))))).as(stage.id()).hasSize(2);
        }
    }

    @Test
    void withoutTheAslFile_theSynthFails_namingIt() {
        Path missing = Path.of("target/no-such-saga.asl.json").toAbsolutePath();

        assertThatThrownBy(() -> TicketflowApp.build(App.Builder.create().outdir("target/cdk-test-nosaga.out").build(),
                withSaga(missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void withoutTheCancellationAslBesideIt_theSynthFails_namingIt() throws IOException {
        Path alone = Files.createDirectories(Path.of("target/saga-alone")).resolve("booking-saga.asl.json");
        Files.copy(SynthesizedApp.SAGA_ASL, alone, StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> new SagaStack(new App(), alone.toAbsolutePath(), withSaga(alone.toAbsolutePath())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(alone.resolveSibling("booking-cancellation.asl.json").toAbsolutePath().toString());
    }

    private DeploymentSettings withSaga(Path definition) {
        DeploymentSettings settings = synth.settings();
        return new DeploymentSettings(settings.stage(), settings.repoRoot(), settings.version(), settings.jwtIssuer(),
                settings.jwtAudience(), settings.corsOrigins(), settings.activationBatchSize(), definition);
    }

    @Test
    void cancellationMachine_isDeployedFromTheSiblingAsl_withItsOwnRoleInvokingExactlyItsFunctions() {
        JsonNode machine = stateMachine("ticketflow-dev-booking-cancellation");
        AslDefinition cancellation = AslDefinition.read(SagaStack.cancellationDefinition(SynthesizedApp.SAGA_ASL));

        assertThat(SagaStack.cancellationDefinition(SynthesizedApp.FIXTURE_ASL).getFileName().toString())
                .isEqualTo("booking-cancellation.fixture.asl.json");
        assertThat(SagaStack.cancellationDefinition(SynthesizedApp.SAGA_ASL).getFileName().toString())
                .isEqualTo("booking-cancellation.asl.json");
        assertThat(machine.path("StateMachineType").asString()).isEqualTo("STANDARD");
        assertThat(machine.path("DefinitionSubstitutions").propertyNames())
                .containsExactlyInAnyOrderElementsOf(cancellation.placeholders());
        assertThat(machine.path("RoleArn").toString()).isNotEqualTo(stateMachine().path("RoleArn").toString());
        assertThat(invocable(machine)).containsExactlyInAnyOrder(
                live("takeBackEarnedPoints"), live("refundPoints"), live("cancelPayment"), live("releaseSeats"),
                live("reportStuckBooking"));
        assertThat(synth.template(saga).path("Outputs").has("CancellationStateMachineArn")).isTrue();
    }

    private static String live(String function) {
        return "arn:{AWS::Partition}:lambda:{AWS::Region}:{AWS::AccountId}:function:ticketflow-dev-" + function + ":live";
    }

    /** What the machine's own role may invoke. */
    private List<String> invocable(JsonNode machine) {
        String roleId = machine.path("RoleArn").path("Fn::GetAtt").get(0).asString();
        List<String> invocable = new ArrayList<>();
        synth.resources(saga, "AWS::IAM::Policy").values().stream()
                .map(policy -> policy.path("Properties"))
                .filter(policy -> policy.path("Roles").toString().contains("\"" + roleId + "\""))
                .forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statement -> {
                    if (statement.path("Action").toString().contains("lambda:InvokeFunction")) {
                        statement.path("Resource").forEach(r -> invocable.add(SynthesizedApp.text(r)));
                    }
                }));
        return invocable;
    }

    private JsonNode stateMachine() {
        return stateMachine("ticketflow-dev-booking-saga");
    }

    private JsonNode stateMachine(String name) {
        return synth.resources(saga, "AWS::StepFunctions::StateMachine").values().stream()
                .map(machine -> machine.path("Properties"))
                .filter(machine -> machine.path("StateMachineName").asString("").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no state machine " + name));
    }
}

package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketflow.catalog.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import tools.jackson.databind.JsonNode;

/** cdk-nag's AWS Solutions checks and the rule that no data action is granted on '*'. */
class SecurityTemplateTest {

    /** Services whose resources hold or move the system's data. */
    private static final List<String> DATA_SERVICES = List.of("dynamodb:", "sqs:", "s3:", "states:", "lambda:", "kms:");
    /** Account-level actions without resource-level permissions: '*' is their only possible resource. */
    private static final Set<String> ACCOUNT_LEVEL_ACTIONS = Set.of("dynamodb:ListStreams");

    private final SynthesizedApp synth = SynthesizedApp.get();

    @Test
    void awsSolutionsChecks_reportNoUnsuppressedErrorOrWarningOnAnyStack() {
        // a stack per service, plus the API, the saga and the web page
        assertThat(synth.allStacks()).hasSize(Catalogue.services().size() + 3);
        for (Stack stack : synth.allStacks()) {
            List<SynthesisMessage> errors = Annotations.fromStack(stack)
                    .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            List<SynthesisMessage> warnings = Annotations.fromStack(stack)
                    .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

            assertThat(errors).as(stack.getStackName() + " errors").isEmpty();
            assertThat(warnings).as(stack.getStackName() + " warnings").isEmpty();
        }
    }

    @Test
    void awsSolutionsChecks_ranOnEveryStack_andOnlyTheWrittenSuppressionsWaivedFindings() throws Exception {
        for (Stack stack : synth.allStacks()) {
            synth.template(stack); // the nag pack writes its report during the synth
            Path report = Path.of(synth.app().getOutdir(), "AwsSolutions-" + stack.getStackName() + "-NagReport.csv");
            List<String> rows = Files.readAllLines(report);

            assertThat(rows).as(report.toString()).anyMatch(row -> row.contains("\"Compliant\""));
            assertThat(rows).noneMatch(row -> row.contains("\"Non-Compliant\""));
            List<String> accepted = new ArrayList<>(List.of("AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-APIG4"));
            if (stack == synth.stacks().web()) {
                // BucketDeployment's role
                accepted.add("AwsSolutions-IAM4");
            }
            rows.stream().filter(row -> row.contains("\"Suppressed\"")).forEach(row -> {
                if (row.contains("AwsSolutions-CFR")) {
                    // logging, geo and WAF are per-deployment choices, waived on the page's and the now-serving
                    // distributions only (both in the API stack)
                    assertThat(row).as(stack.getStackName()).containsAnyOf("/NowServingCdn/Distribution/Resource",
                            "/FanPage/Distribution/Resource");
                } else if (row.contains("AwsSolutions-S1")) {
                    assertThat(row).as(stack.getStackName()).contains("/FanPage/Site/Resource");
                } else {
                    assertThat(row).as(stack.getStackName()).containsAnyOf(accepted.toArray(String[]::new));
                }
            });
        }
        assertThat(Files.readString(Path.of(synth.app().getOutdir(), "AwsSolutions-ticketflow-dev-queue-NagReport.csv")))
                .contains("\"AwsSolutions-DDB3\",\"ticketflow-dev-queue/queue-tokens/Resource\",\"Compliant\"")
                .contains("\"AwsSolutions-SQS4\"")
                .contains("\"AwsSolutions-IAM5\",\"ticketflow-dev-queue/enterQueue/Role/DefaultPolicy/Resource\",\"Suppressed\"");
    }

    @Test
    void noIamStatement_grantsAWildcardActionOrADataActionOnEveryResource() {
        List<String> violations = new ArrayList<>();
        for (Stack stack : synth.allStacks()) {
            synth.resources(stack, "AWS::IAM::Policy").forEach((id, policy) ->
                    policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statement -> {
                        List<String> actions = strings(statement.path("Action"));
                        boolean everyResource = strings(statement.path("Resource")).contains("*");
                        for (String action : actions) {
                            if (action.equals("*") || action.endsWith(":*")) {
                                violations.add(stack.getStackName() + "/" + id + ": wildcard action " + action);
                            }
                            boolean data = DATA_SERVICES.stream().anyMatch(action::startsWith)
                                    && !ACCOUNT_LEVEL_ACTIONS.contains(action);
                            if (everyResource && data) {
                                violations.add(stack.getStackName() + "/" + id + ": " + action + " on *");
                            }
                        }
                    }));
        }

        assertThat(violations).isEmpty();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.isString() ? n.asString() : n.toString()));
        } else if (!node.isMissingNode()) {
            values.add(node.isString() ? node.asString() : node.toString());
        }
        return values;
    }
}

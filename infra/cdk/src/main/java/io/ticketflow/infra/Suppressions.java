package io.ticketflow.infra;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.iam.Role;

/**
 * Every cdk-nag finding the app accepts, each with the reason it is accepted. Suppressions are scoped
 * to the resource (and where possible to the exact wildcard) they are about, never to a whole stack.
 */
final class Suppressions {

    private Suppressions() {
    }

    /** cdk-nag's notation for every execution of one state machine: arn:…:execution:<machine>:*. */
    private static final RegexAppliesTo SAGA_EXECUTIONS = RegexAppliesTo.builder()
            .regex("/^Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:[A-Za-z0-9-]+:\\*$/g")
            .build();

    static void forFunction(ServiceFunction function) {
        NagSuppressions.addResourceSuppressions(function.function(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("java21 is the newest Java runtime the project targets: the services compile for "
                        + "release 17 and their cold start (SnapStart, C1 only) is measured on it; moving to "
                        + "a newer runtime is a deliberate upgrade, not a template default.")
                .build()));
        NagSuppressions.addResourceSuppressions(function.role(), List.of(
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Resource '*' is only used by actions that have no resource-level permissions: "
                                + "xray:PutTraceSegments/PutTelemetryRecords (active tracing) and "
                                + "dynamodb:ListStreams (stream event source). SecurityTemplateTest proves no data "
                                + "action is granted on '*'.")
                        .appliesTo(List.of("Resource::*"))
                        .build(),
                NagPackSuppression.builder()
                        .id("AwsSolutions-IAM5")
                        .reason("Reading a saga's executions (DescribeExecution, GetExecutionHistory: a booking's status, "
                                + "or whether its cancellation was started) is granted on the executions of that one "
                                + "state machine (<machine arn>:execution:<name>:*): execution names are reservation "
                                + "ids, unknown when the stack is deployed.")
                        .appliesTo(List.of(SAGA_EXECUTIONS))
                        .build()), true);
    }

    /** The admission pass key as a verifier's role names it: every key of the account, narrowed by alias. */
    static void forKeyFoundByAlias(Role role) {
        wildcardOnRole(role, "Resource::arn:<AWS::Partition>:kms:<AWS::Region>:<AWS::AccountId>:key/*",
                "kms:GetPublicKey on <account>:key/* is narrowed by the condition kms:ResourceAliases to the one key "
                        + "with the admission pass alias. That key lives in the queue stack, and its ARN holds a "
                        + "random id this stack could only import through an export (see Arns).");
    }

    static void forSagaRole(Role role) {
        wildcardOnRole(role, "Resource::*",
                "Resource '*' is required by actions without resource-level permissions: X-Ray tracing "
                        + "(xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and CloudWatch Logs "
                        + "vended delivery (logs:CreateLogDelivery and friends) that Step Functions logging uses.");
    }

    /** One IAM5 finding accepted on the role and its policies, for that one wildcard only. */
    private static void wildcardOnRole(Role role, String appliesTo, String reason) {
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(List.of(appliesTo))
                .build()), true);
    }

    /** The queue's now-serving distribution: one public, read-only counter, cached per tick. */
    static void forNowServingCdn(Distribution distribution) {
        NagSuppressions.addResourceSuppressions(distribution, List.of(
                NagPackSuppression.builder().id("AwsSolutions-CFR1").reason("the waiting room serves every country the "
                        + "sale does; geo rules belong to the sale, not to the poll of a public counter").build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR2").reason("the distribution serves one public, "
                        + "read-only, cached counter: the API's throttling, and the enter route's proof-of-work and rate "
                        + "limits, guard what can be written").build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR3").reason("access logs of a counter the whole crowd "
                        + "polls once a tick would be the largest log of the deployment and say nothing the API's access "
                        + "logs do not").build(),
                NagPackSuppression.builder().id("AwsSolutions-CFR4").reason("the default CloudFront domain is used, "
                        + "whose certificate CloudFront manages (TLSv1 minimum); a custom domain with its own "
                        + "certificate raises it").build()), true);
    }

    static void publicRoute(HttpRoute route) {
        NagSuppressions.addResourceSuppressions(route, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-APIG4")
                .reason("The route table marks this route public (authenticated=false): it serves data meant "
                        + "for anonymous visitors, and its own route throttle, stricter than the stage's, bounds its use.")
                .build()));
    }
}

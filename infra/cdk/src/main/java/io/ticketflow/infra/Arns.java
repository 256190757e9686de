package io.ticketflow.infra;

import java.util.List;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * ARNs built from physical names. Stacks refer to each other's functions and queues this way instead of
 * through CloudFormation exports, so no service stack is locked by an export another stack imports, and
 * each service stays deployable alone.
 */
final class Arns {

    /** Every function is invoked through this alias: SnapStart only applies to published versions. */
    static final String LIVE_ALIAS = "live";

    private Arns() {
    }

    static String functionAlias(Construct scope, String functionName) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("lambda")
                .resource("function")
                .resourceName(functionName + ":" + LIVE_ALIAS)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
    }

    static String queue(Construct scope, String queueName) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service("sqs")
                .resource(queueName)
                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                .build());
    }

    static String queueUrl(String queueName) {
        return Fn.join("", List.of("https://sqs.", Aws.REGION, ".", Aws.URL_SUFFIX, "/", Aws.ACCOUNT_ID, "/",
                queueName));
    }
}

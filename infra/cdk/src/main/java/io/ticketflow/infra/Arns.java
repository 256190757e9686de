package io.ticketflow.infra;

import java.util.List;

import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * ARNs built from physical names. Stacks refer to each other's functions, queues and keys this way instead of
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
        return arn(scope, "sqs", queueName);
    }

    /**
     * A KMS key is named by its alias ({@code alias/...}, as KMS spells it): the key's own ARN holds a random id
     * that no other stack can know.
     */
    static String kmsAlias(Construct scope, String aliasName) {
        return arn(scope, "kms", aliasName);
    }

    /** Every KMS key of the account in this region: only for a grant narrowed by a condition. */
    static String everyKmsKey(Construct scope) {
        return arn(scope, "kms", "key/*");
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    private static String arn(Construct scope, String service, String resource) {
        return Stack.of(scope).formatArn(ArnComponents.builder()
                .service(service)
                .resource(resource)
                .arnFormat(ArnFormat.NO_RESOURCE_NAME)
                .build());
    }

    static String queueUrl(String queueName) {
        return Fn.join("", List.of("https://sqs.", Aws.REGION, ".", Aws.URL_SUFFIX, "/", Aws.ACCOUNT_ID, "/",
                queueName));
    }
}

package io.ticketflow.infra;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awscdk.SecretValue;
import software.constructs.Construct;
import software.constructs.Node;

/**
 * Where the Point service sells points: the payment provider's API and the secret its webhook deliveries are signed
 * with, both from CDK context. The secret itself never enters the template or the repository: it is a Secrets Manager
 * secret (the provider's webhook signing secret, stored there by an operator), resolved by CloudFormation when the
 * functions are deployed. Every Point function gets both, because every one builds the top-up beans at start-up and
 * fails without them; every Payment function gets the URL, for the same reason with its card payments.
 */
final class PaymentProviderSettings {

    /** The provider's API base URL, e.g. {@code https://api.provider.example/v1}. */
    static final String PROVIDER_URL = "paymentProviderUrl";
    /** The name of the Secrets Manager secret holding the webhook signing secret (a plain string). */
    static final String WEBHOOK_SECRET_NAME = "paymentWebhookSecretName";

    static final String PROVIDER_URL_ENV = "POINT_PROVIDER_URL";
    static final String WEBHOOK_SECRET_ENV = "POINT_WEBHOOK_SECRET";
    /** The Payment service's name for the same URL (its card API). */
    static final String CARD_PROVIDER_URL_ENV = "PAYMENT_PROVIDER_URL";
    /** dev only: a deployment without a provider still starts; opening a checkout then answers 503. */
    static final String DEV_PROVIDER_URL = "https://payment-provider.invalid/v1";

    private PaymentProviderSettings() {
    }

    /** @throws IllegalArgumentException for a stage other than dev without {@value #PROVIDER_URL} */
    static Map<String, String> environment(Construct scope, DeploymentSettings settings) {
        Node node = Node.of(scope);
        String secretName = text(node.tryGetContext(WEBHOOK_SECRET_NAME));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(PROVIDER_URL_ENV, url(scope, settings));
        environment.put(WEBHOOK_SECRET_ENV, SecretValue.secretsManager(
                secretName == null ? defaultSecretName(settings) : secretName).unsafeUnwrap());
        return environment;
    }

    /** The Payment service's: the provider's card API. */
    static Map<String, String> cardEnvironment(Construct scope, DeploymentSettings settings) {
        return Map.of(CARD_PROVIDER_URL_ENV, url(scope, settings));
    }

    private static String url(Construct scope, DeploymentSettings settings) {
        String url = text(Node.of(scope).tryGetContext(PROVIDER_URL));
        if (url == null && settings.stage() != Stage.DEV) {
            throw new IllegalArgumentException("stage " + settings.stage().id() + " needs its payment provider: -c "
                    + PROVIDER_URL + "=https://<provider api> [-c " + WEBHOOK_SECRET_NAME + "=<secret name>]");
        }
        return url == null ? DEV_PROVIDER_URL : url;
    }

    /** {@code ticketflow/<stage>/payment-webhook}: what {@code infra/cdk/README.md} tells operators to create. */
    static String defaultSecretName(DeploymentSettings settings) {
        return "ticketflow/" + settings.stage().id() + "/payment-webhook";
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}

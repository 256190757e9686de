package io.ticketflow.point;

import io.ticketflow.kernel.function.Settings;
import io.ticketflow.kernel.provider.ProviderClient;
import io.ticketflow.point.domain.EarnRate;
import io.ticketflow.point.domain.PointPolicy;
import io.ticketflow.point.domain.WebhookSignature;
import java.math.BigDecimal;
import java.net.URI;
import java.util.function.Function;

/** The Point service's configuration (environment variables on Lambda, system properties locally). */
public final class PointSettings {

    public static final String MAX_CHARGE = "POINT_MAX_CHARGE";
    /** The payment provider's API base URL; locally the runtime's simulated provider. */
    public static final String PROVIDER_URL = "POINT_PROVIDER_URL";
    /** The secret the provider signs its webhook deliveries with (on AWS from Secrets Manager). */
    public static final String WEBHOOK_SECRET = "POINT_WEBHOOK_SECRET";
    /** What one point costs one minor unit of. */
    public static final String TOP_UP_CURRENCY = "POINT_TOP_UP_CURRENCY";
    public static final String DEFAULT_CURRENCY = "EUR";
    /** Percent of a booking's card payment credited as points; a decimal such as 1.5, from 0 (off) to 100. */
    public static final String EARN_RATE_PERCENT = "POINT_EARN_RATE_PERCENT";

    private PointSettings() {
    }

    public static PointPolicy policy(Function<String, String> properties) {
        return new PointPolicy(new Settings(properties).longOf(MAX_CHARGE, PointPolicy.DEFAULT_MAX_CHARGE));
    }

    /** @throws IllegalStateException when the secret is not set, or too short to be one */
    public static WebhookSignature webhookSignature(Function<String, String> properties) {
        String secret = required(properties, WEBHOOK_SECRET);
        try {
            return WebhookSignature.of(secret);
        } catch (IllegalArgumentException tooShort) {
            throw new IllegalStateException(WEBHOOK_SECRET + ": " + tooShort.getMessage(), tooShort);
        }
    }

    /** @throws IllegalStateException when the URL is not set or not an absolute http(s) URL */
    public static URI providerUrl(Function<String, String> properties) {
        return ProviderClient.baseUrl(properties, PROVIDER_URL);
    }

    /** @throws IllegalStateException when the rate is not a decimal number from 0 to 100 */
    public static EarnRate earnRate(Function<String, String> properties) {
        String text = new Settings(properties).text(EARN_RATE_PERCENT);
        if (text == null) {
            return new EarnRate(EarnRate.DEFAULT_PERCENT);
        }
        try {
            return new EarnRate(new BigDecimal(text));
        } catch (IllegalArgumentException invalid) {
            // NumberFormatException included
            throw new IllegalStateException(EARN_RATE_PERCENT
                    + " must be a decimal percentage from 0 to 100 such as 1.5, was '" + text + "'", invalid);
        }
    }

    public static String currency(Function<String, String> properties) {
        String currency = new Settings(properties).text(TOP_UP_CURRENCY);
        if (currency == null) {
            return DEFAULT_CURRENCY;
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalStateException(TOP_UP_CURRENCY + " must be an ISO 4217 code such as EUR, was '" + currency + "'");
        }
        return currency;
    }

    private static String required(Function<String, String> properties, String key) {
        String value = new Settings(properties).text(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not set: the Point service cannot sell points without it");
        }
        return value;
    }
}

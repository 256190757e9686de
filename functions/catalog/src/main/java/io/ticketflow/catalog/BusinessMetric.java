package io.ticketflow.catalog;

/**
 * The business facts an on-sale is watched by, as CloudWatch metrics in {@link #NAMESPACE} with one dimension,
 * {@link #DEPLOYMENT_DIMENSION}, so two stages in one account never add up. The functions write them as Embedded Metric Format lines; the CDK dashboard and
 * alarms and the local runtime's {@code --metrics} summary read them by these names.
 */
public enum BusinessMetric {
    /** A user entered a concert's waiting queue (QUEUE_WAITING). */
    ENTERS("Enters"),
    /** A waiting token became ACTIVE (QUEUE_ACTIVATED). */
    ACTIVATIONS("Activations"),
    /** Seats were held and a booking saga started (RESERVATION_CREATED). */
    HOLDS("Holds"),
    /** A booking was confirmed (RESERVATION_CONFIRMED). */
    CONFIRMATIONS("Confirmations"),
    /** The saga undid a booking whose payment, deduction or confirmation failed (RESERVATION_CANCELLED so). */
    COMPENSATIONS("Compensations"),
    /** Points a deduction took were given back (POINT_REFUNDED). */
    REFUNDS("Refunds"),
    /** A saga step failed; the state machine retries it or takes its compensation chain. */
    SAGA_FAILURES("SagaFailures");

    public static final String NAMESPACE = "Ticketflow";
    public static final String DEPLOYMENT_DIMENSION = "Deployment";

    private final String metricName;

    BusinessMetric(String metricName) {
        this.metricName = metricName;
    }

    /** The value of {@link #DEPLOYMENT_DIMENSION}: the resource prefix without its dash ({@code ticketflow-dev}). */
    public static String deployment(String resourcePrefix) {
        String prefix = resourcePrefix == null ? "" : resourcePrefix.strip();
        prefix = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return prefix.isEmpty() ? "default" : prefix;
    }

    /** The CloudWatch metric name. */
    public String metricName() {
        return metricName;
    }
}

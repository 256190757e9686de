package io.ticketflow.point.domain;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.time.Clock;
import java.util.Optional;

/**
 * Buying points. Starting a top-up opens a checkout at the payment provider and credits nothing; the provider's
 * signed event that the checkout was paid is the only thing that credits, once per checkout, whatever the number of
 * deliveries or events about it: the ledger line is keyed by the checkout.
 */
public final class TopUps {

    private final PaymentProvider provider;
    private final TopUpOrders orders;
    private final PointBook book;
    private final PointPolicy policy;
    private final String currency;
    private final Clock clock;

    /** @param currency what one point costs one minor unit of, e.g. EUR (a point is a cent) */
    public TopUps(PaymentProvider provider, TopUpOrders orders, PointBook book, PointPolicy policy, String currency,
                  Clock clock) {
        this.provider = provider;
        this.orders = orders;
        this.book = book;
        this.policy = policy;
        this.currency = currency;
        this.clock = clock;
    }

    /** The ledger's operation id of a checkout's credit: no client request id has a ':'. */
    public static String creditId(String checkoutId) {
        return "topup:" + checkoutId;
    }

    /**
     * @throws ProblemException                     when the amount is out of range
     * @throws PaymentProvider.ProviderUnavailable when no checkout was opened
     */
    public TopUpOrder start(String userId, Long amount) {
        policy.checkAmount(amount);
        PaymentProvider.Checkout checkout = provider.openCheckout(userId, amount, currency);
        TopUpOrder order = new TopUpOrder(userId, checkout.checkoutId(), amount, currency, checkout.paymentUrl(),
                clock.instant());
        orders.save(order);
        return order;
    }

    /**
     * Credits a paid checkout's points, once.
     *
     * @return the credit (also when an earlier delivery made it), empty for an event that credits nothing
     * @throws ProblemException {@code top-up-mismatch} when the event names no checkout of ours, or another amount
     *                          or currency than the checkout was opened for: nothing is credited
     * @throws AccountBusy      when concurrent writers kept winning (the provider delivers again)
     */
    public Optional<LedgerEntry> complete(ProviderEvent event) {
        if (!ProviderEvent.CHECKOUT_COMPLETED.equals(event.type())) {
            return Optional.empty();
        }
        if (event.checkoutId() == null || event.clientReference() == null) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "the event names no checkout or no client reference");
        }
        TopUpOrder order = orders.find(event.clientReference(), event.checkoutId()).orElseThrow(() ->
                new ProblemException(PointProblems.TOP_UP_MISMATCH, "no top-up of checkout " + event.checkoutId()));
        if (event.amount() == null || event.amount() != order.amount() || !order.currency().equals(event.currency())) {
            throw new ProblemException(PointProblems.TOP_UP_MISMATCH, "checkout " + event.checkoutId() + " was opened for "
                    + order.amount() + " " + order.currency() + ", the event says " + event.amount() + " "
                    + event.currency());
        }
        return Optional.of(book.charge(order.userId(), creditId(order.checkoutId()), order.amount()));
    }
}

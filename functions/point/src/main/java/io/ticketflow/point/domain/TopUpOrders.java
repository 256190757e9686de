package io.ticketflow.point.domain;

import java.util.Optional;

/** Where the Point service keeps the top-ups it opened checkouts for. */
public interface TopUpOrders {

    void save(TopUpOrder order);

    Optional<TopUpOrder> find(String userId, String checkoutId);
}

package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.ConcertCatalog;
import java.util.function.Function;

/** {@code GET /concerts}: every published concert. */
public final class ListConcertsFunction implements Function<ListConcerts, ConcertList> {

    private final ConcertCatalog catalog;

    public ListConcertsFunction(ConcertCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ConcertList apply(ListConcerts query) {
        return new ConcertList(catalog.concerts());
    }
}

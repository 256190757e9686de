package io.ticketflow.concert.function;

import io.ticketflow.concert.domain.Concert;
import io.ticketflow.concert.domain.ConcertCatalog;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemTypes;
import java.util.function.Function;

/**
 * Publishes a concert (an operator through {@code POST /admin/concerts}, the local seed and the tests
 * directly): catalogue, seat maps and CONCERT_PUBLISHED at once. Publishing the same concert again changes nothing.
 */
public final class PublishConcertFunction implements Function<ConcertToPublish, ConcertPublished> {

    private final ConcertCatalog catalog;

    public PublishConcertFunction(ConcertCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ConcertPublished apply(ConcertToPublish request) {
        if (request == null) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, "a concert is required");
        }
        Concert concert = request.concert().validated();
        return new ConcertPublished(concert.concertId(), catalog.publish(concert));
    }
}

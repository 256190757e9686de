package io.ticketflow.point.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.point.domain.PaymentProvider;
import io.ticketflow.point.domain.PointProblems;
import io.ticketflow.point.domain.TopUps;
import java.util.function.Function;

/** Opens a checkout at the payment provider for the caller's top-up. */
public final class StartTopUpFunction implements Function<StartTopUp, TopUpCheckout> {

    private final TopUps topUps;

    public StartTopUpFunction(TopUps topUps) {
        this.topUps = topUps;
    }

    @Override
    public TopUpCheckout apply(StartTopUp command) {
        try {
            return TopUpCheckout.of(topUps.start(command.userId(), command.amount()));
        } catch (PaymentProvider.ProviderUnavailable unavailable) {
            throw new ProblemException(PointProblems.PROVIDER_UNAVAILABLE,
                    "the payment provider did not open a checkout; nothing was charged, try again");
        }
    }
}

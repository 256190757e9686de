package io.ticketflow.payment.function;

import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.payment.domain.PaymentProblems;
import io.ticketflow.payment.domain.PaymentRepository;
import java.util.function.Function;

/** Shows a payment to its owner; to anyone else it does not exist (404, so ids reveal nothing). */
public final class GetPaymentFunction implements Function<PaymentQuery, PaymentView> {

    private final PaymentRepository payments;

    public GetPaymentFunction(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public PaymentView apply(PaymentQuery query) {
        return payments.findPayment(query.paymentId())
                .filter(payment -> payment.userId().equals(query.userId()))
                .map(PaymentView::of)
                .orElseThrow(() -> new ProblemException(PaymentProblems.PAYMENT_NOT_FOUND,
                        "no payment '" + query.paymentId() + "' of yours"));
    }
}

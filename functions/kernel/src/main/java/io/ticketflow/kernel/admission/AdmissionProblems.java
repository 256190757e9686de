package io.ticketflow.kernel.admission;

import io.ticketflow.kernel.http.HttpRequest;
import io.ticketflow.kernel.problem.ProblemException;
import io.ticketflow.kernel.problem.ProblemType;
import java.util.List;

/** The refusals of Reservation and Payment without a valid admission pass: one problem type per cause, all 403. */
public final class AdmissionProblems {

    /** The request header that carries the pass. */
    public static final String HEADER = "X-Admission-Pass";

    public static final ProblemType PASS_MISSING =
            new ProblemType("admission-pass-missing", "Admission pass missing", 403);
    public static final ProblemType PASS_INVALID =
            new ProblemType("admission-pass-invalid", "Admission pass invalid", 403);
    public static final ProblemType PASS_EXPIRED =
            new ProblemType("admission-pass-expired", "Admission pass expired", 403);
    public static final ProblemType PASS_OF_ANOTHER_USER =
            new ProblemType("admission-pass-of-another-user", "Admission pass of another user", 403);
    public static final ProblemType PASS_FOR_ANOTHER_CONCERT =
            new ProblemType("admission-pass-for-another-concert", "Admission pass for another concert", 403);
    public static final ProblemType PASS_REVOKED =
            new ProblemType("admission-pass-revoked", "Admission pass revoked", 403);
    public static final ProblemType QUEUE_TOKEN_WAITING =
            new ProblemType("queue-token-waiting", "Queue token waiting", 403);

    private AdmissionProblems() {
    }

    /**
     * The compact pass of header {@value #HEADER}, read with the rest of the request: a call without one is
     * refused ({@code admission-pass-missing}) before any lookup could answer something else first.
     */
    public static String requiredPass(HttpRequest request) {
        return request.header(HEADER).filter(pass -> !pass.isBlank())
                .orElseThrow(() -> new ProblemException(PASS_MISSING, PassRefusal.MISSING.detail()));
    }

    public static List<ProblemType> all() {
        return List.of(PASS_MISSING, PASS_INVALID, PASS_EXPIRED, PASS_OF_ANOTHER_USER, PASS_FOR_ANOTHER_CONCERT,
                PASS_REVOKED, QUEUE_TOKEN_WAITING);
    }
}

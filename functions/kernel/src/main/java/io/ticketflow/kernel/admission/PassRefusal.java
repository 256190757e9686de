package io.ticketflow.kernel.admission;

import io.ticketflow.kernel.problem.ProblemType;

/** Each reason a reservation or payment call is refused admission, with the problem type the API answers. */
public enum PassRefusal {

    MISSING(AdmissionProblems.PASS_MISSING, "the " + AdmissionProblems.HEADER + " header with the queue's admission pass is required"),
    INVALID(AdmissionProblems.PASS_INVALID, "the admission pass is not one the queue signed"),
    EXPIRED(AdmissionProblems.PASS_EXPIRED, "the admission pass has expired"),
    OTHER_USER(AdmissionProblems.PASS_OF_ANOTHER_USER, "the admission pass belongs to another user"),
    OTHER_CONCERT(AdmissionProblems.PASS_FOR_ANOTHER_CONCERT, "the admission pass is for another concert"),
    REVOKED(AdmissionProblems.PASS_REVOKED, "the admission pass was revoked: its queue token expired or was used"),
    TOKEN_WAITING(AdmissionProblems.QUEUE_TOKEN_WAITING,
            "the queue token is waiting in line again; a new pass comes with its next activation");

    private final ProblemType problem;
    private final String detail;

    PassRefusal(ProblemType problem, String detail) {
        this.problem = problem;
        this.detail = detail;
    }

    public ProblemType problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}

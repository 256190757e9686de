package io.ticketflow.local.stepfunctions.asl;

import java.util.List;
import java.util.Optional;

/** The {@code Retry} and {@code Catch} fields of a Task, Parallel or Map state. */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {

    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    /** Index of the first retrier whose ErrorEquals matches (AWS uses only that one), or -1. */
    public int retrierFor(String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (retriers.get(i).matches(error)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<Catcher> catcherFor(String error) {
        return catchers.stream().filter(catcher -> catcher.matches(error)).findFirst();
    }
}

package io.ticketflow.local.stepfunctions.asl;

import java.util.List;

/** One entry of a {@code Catch} array; a null ResultPath discards the error output. */
public record Catcher(List<String> errorEquals, String next, ReferencePath resultPath) {

    public boolean matches(String error) {
        return ErrorNames.matches(errorEquals, error);
    }
}

package io.ticketflow.bench;

import java.util.List;

/** One figure of issue #2: runs its measurement and returns the tables to print. */
interface Figure {

    /** The name {@code scripts/bench NAME} selects it by. */
    String name();

    List<Table> run(BenchSetup setup) throws Exception;
}

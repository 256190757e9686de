package io.ticketflow.local;

import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.catalog.Route;
import io.ticketflow.catalog.ScheduleSpec;
import io.ticketflow.catalog.StreamSubscription;
import java.util.List;

/** What the runtime tells the developer once it is up: resources, routes, a token and a walk-through. */
final class StartupBanner {

    private final LocalRuntime runtime;

    StartupBanner(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    String text() {
        String base = runtime.baseUri().toString();
        String alice = runtime.devToken("alice");
        StringBuilder out = new StringBuilder();
        out.append("\n=== ticketflow local runtime ===\n");
        out.append("AWS endpoint   ").append(runtime.settings().endpoint())
                .append(runtime.startedMoto() ? "  (moto, log " + runtime.workDirectory().resolve("moto.log") + ")" : "")
                .append('\n');
        out.append("resources      prefix '").append(runtime.settings().resourcePrefix()).append("'\n");
        runtime.provisioned().forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("routes\n");
        for (Route route : runtime.topology().routes()) {
            out.append(String.format("  %-6s %-40s → %s%s%n", route.method(), route.path(), route.function(),
                    route.authenticated() ? "  (JWT)" : ""));
        }
        out.append("event sources\n");
        for (StreamSubscription s : runtime.topology().streamSubscriptions()) {
            out.append("  stream ").append(s.table()).append(" → ").append(s.function()).append(" (batch ")
                    .append(s.batchSize()).append(", ").append(s.maxRetryAttempts()).append(" retries, then ")
                    .append(s.failureQueue()).append(")\n");
        }
        for (QueueSubscription s : runtime.topology().queueSubscriptions()) {
            out.append("  sqs    ").append(s.queue()).append(" → ").append(s.function()).append(" (batch ")
                    .append(s.batchSize()).append(")\n");
        }
        for (ScheduleSpec s : runtime.topology().schedules()) {
            out.append("  every ").append(runtime.options().intervalSeconds(s.name(), s.rateSeconds())).append(" s  ")
                    .append(s.name()).append(" → ").append(s.function()).append('\n');
        }
        out.append("step functions ").append(runtime.stepFunctionsEndpoint())
                .append("  (in-process emulator; executions do not survive a restart)\n");
        runtime.stepFunctions().listStateMachines()
                .forEach(machine -> out.append("  ").append(machine.stateMachineArn()).append('\n'));
        out.append("  fault injection on: POST /payments with header X-Fault-Inject: <saga step function>\n");
        out.append("payment provider  simulated, local only: POST /points/top-ups opens a checkout, ")
                .append("POST ").append(base).append("/dev/provider/checkouts/<checkoutId>/confirm pays it (signed webhook)\n")
                .append("test cards     POST /payments {\"pointsToUse\": n, \"paymentMethod\": <card>} pays the rest by card: ")
                .append(String.join(", ", SimulatedCards.TEST_CARDS)).append('\n');
        List<String> seeded = runtime.seeded();
        if (!seeded.isEmpty()) {
            out.append("demo data      open queues: ").append(String.join(", ", seeded)).append('\n');
        }
        out.append("\nweb page       ").append(base).append("/   (sign in with any user name: a dev token is minted)\n");
        out.append("API            ").append(base).append("   (OpenAPI: ").append(base).append("/openapi.json)\n");
        out.append("dev token      alice: ").append(alice).append('\n');
        out.append("               more: scripts/dev-token bob ").append(runtime.port()).append('\n');
        out.append("\nwalk-through\n");
        out.append("  TOKEN=$(scripts/dev-token alice ").append(runtime.port()).append(")\n");
        out.append("  WORK=$(scripts/queue-work concert-1 alice ").append(runtime.port()).append(")\n");
        out.append("  curl -s -X POST -H \"Authorization: Bearer $TOKEN\" -H \"X-Queue-Work: $WORK\" ").append(base)
                .append("/concerts/concert-1/queue-tokens\n");
        out.append("  curl -s -H \"Authorization: Bearer $TOKEN\" ").append(base).append("/queue-tokens/<token>\n");
        out.append("\nCtrl-C stops the pollers, the HTTP server")
                .append(runtime.startedMoto() ? " and moto" : "").append(".\n");
        return out.toString();
    }
}

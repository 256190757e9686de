package io.ticketflow.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a user gets points against the local runtime, for every client here (tests, the bench): start a top-up
 * ({@code POST /points/top-ups}), then pay it at the simulated provider ({@code POST /dev/provider/checkouts/{id}/confirm}),
 * which delivers the signed webhook that credits them. Each client sends the requests its own way (timed, retried),
 * through a {@link Api}.
 */
public final class PointTopUps {

    private PointTopUps() {
    }

    /** One request to the runtime's API as the client sends it. */
    @FunctionalInterface
    public interface Api {
        /** @param bearer null for the provider's own routes; body null for none */
        Reply send(String method, String path, String bearer, String body);
    }

    public record Reply(int status, String body) {
    }

    /**
     * @param credited whether the points are on the account
     * @param detail   what went wrong otherwise: the step, its status and body
     */
    public record Outcome(boolean credited, String checkoutId, String detail) {
    }

    /** Buys {@code amount} points for the bearer's user. */
    public static Outcome buy(Api api, JsonMapper json, String bearer, long amount) {
        Reply started = api.send("POST", "/points/top-ups", bearer, "{\"amount\":" + amount + "}");
        if (started.status() != 201) {
            return new Outcome(false, null, "top-up " + started.status() + " " + started.body());
        }
        String checkoutId = read(json, started.body()).path("checkoutId").asString("");
        Reply confirmed = api.send("POST", SimulatedPaymentProvider.PATH + "/checkouts/" + checkoutId + "/confirm",
                null, null);
        JsonNode webhook = read(json, confirmed.body()).path("webhook");
        boolean credited = confirmed.status() == 200 && webhook.path("status").intValue() == 200
                && "CREDITED".equals(webhook.path("body").path("outcome").asString(""));
        return new Outcome(credited, checkoutId,
                credited ? null : "confirm " + confirmed.status() + " " + confirmed.body());
    }

    private static JsonNode read(JsonMapper json, String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException notJson) {
            return json.createObjectNode();
        }
    }
}

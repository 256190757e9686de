package io.ticketflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one schemathesis run reported: its JSON summary (operations, failures, errors), its HAR (every request
 * sent and its answer) and its NDJSON events (which test case followed which OpenAPI link, and what came back).
 */
record FuzzReport(Path directory, int exitCode, Duration elapsed, JsonNode summary, List<Integer> statuses,
                  Map<String, Map<Integer, Integer>> linksFollowed, String linksCovered) {

    static final String SUMMARY = "report.json";
    static final String EVENTS = "events.ndjson";
    static final String REQUESTS = "requests.har.json";
    static final String OUTPUT = "output.txt";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINKS = Pattern.compile("API Links:\\s+(\\d+ covered / \\d+ selected / \\d+ total[^\\n]*)");

    static FuzzReport read(Path directory, int exitCode, Duration elapsed) throws IOException {
        Path summary = directory.resolve(SUMMARY);
        if (!Files.exists(summary)) {
            throw new AssertionError("schemathesis exited " + exitCode + " without a report:\n"
                    + Files.readString(directory.resolve(OUTPUT)));
        }
        List<Integer> statuses = new ArrayList<>();
        JSON.readTree(directory.resolve(REQUESTS).toFile()).path("log").path("entries")
                .forEach(entry -> statuses.add(entry.path("response").path("status").asInt()));
        Matcher links = LINKS.matcher(Files.readString(directory.resolve(OUTPUT)));
        return new FuzzReport(directory, exitCode, elapsed, JSON.readTree(summary.toFile()), List.copyOf(statuses),
                linksFollowed(directory.resolve(EVENTS)), links.find() ? links.group(1).strip() : "no stateful phase");
    }

    /** link ("source → [status] name → target") → status answered → test cases, over the scenarios recorded. */
    private static Map<String, Map<Integer, Integer>> linksFollowed(Path events) throws IOException {
        Map<String, Map<Integer, Integer>> followed = new TreeMap<>();
        try (var lines = Files.lines(events)) {
            lines.map(JSON::readTree).map(event -> event.path("ScenarioFinished").path("recorder"))
                    .filter(recorder -> !recorder.isMissingNode())
                    .forEach(recorder -> recorder.path("cases").properties().forEach(entry -> {
                        JsonNode transition = entry.getValue().path("transition");
                        JsonNode response = recorder.path("interactions").path(entry.getKey()).path("response");
                        if (transition.isObject() && entry.getValue().path("is_transition_applied").asBoolean()
                                && response.isObject()) {
                            followed.computeIfAbsent(transition.path("id").asString().replace(" -> ", " → "),
                                    link -> new TreeMap<>()).merge(response.path("status_code").asInt(), 1, Integer::sum);
                        }
                    }));
        }
        return followed;
    }

    int operationsSelected() {
        return summary.path("operations").path("selected").asInt();
    }

    int operationsTested() {
        return summary.path("operations").path("tested").asInt();
    }

    long serverErrors() {
        return statuses.stream().filter(status -> status >= 500).count();
    }

    /** Test cases that followed the link named {@code name} (e.g. {@code HoldSeats}) and were answered {@code status}. */
    int followed(String name, int status) {
        return linksFollowed.entrySet().stream().filter(link -> link.getKey().contains("] " + name + " → "))
                .mapToInt(link -> link.getValue().getOrDefault(status, 0)).sum();
    }

    /** Everything that makes the run fail: schemathesis' failures and errors, and any 5xx it got. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        summary.path("failures").forEach(failure -> problems.add(failure.path("code").asString() + " "
                + failure.path("title").asString() + " ×" + failure.path("count").asInt() + " in "
                + failure.path("operations")));
        summary.path("errors").forEach(error -> problems.add("error: " + error));
        if (serverErrors() > 0) {
            problems.add(serverErrors() + " answers with a 5xx status");
        }
        if (problems.isEmpty() && exitCode != 0) {
            problems.add("schemathesis exited " + exitCode);
        }
        return problems;
    }

    String output() {
        return directory.resolve(OUTPUT).toString();
    }

    String figures(String title) {
        StringBuilder text = new StringBuilder("\n[fuzz] ").append(title).append(" (").append(elapsed.toSeconds())
                .append(" s)\n");
        text.append(String.format("[fuzz]   operations tested %d of %d; requests sent %d (%d answered 5xx); test cases %d;"
                        + " failures %d; errors %d%n", operationsTested(), operationsSelected(), statuses.size(),
                serverErrors(), summary.path("test_cases").path("generated").asInt(), summary.path("failures").size(),
                summary.path("errors").size()));
        text.append("[fuzz]   API links ").append(linksCovered).append("; followed, by status answered:\n");
        linksFollowed.forEach((link, byStatus) -> text.append("[fuzz]     ").append(link).append(": ")
                .append(byStatus).append('\n'));
        return text.append("[fuzz]   reports: ").append(directory).toString();
    }
}

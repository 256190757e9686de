package io.ticketflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booking saga's ASL file as the CDK app sees it: the {@code ${...}} placeholders it needs
 * substituted, and which function each Task state calls. The file itself is deployed unchanged, so
 * the same file runs in the local Step Functions emulator.
 */
public final class AslDefinition {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Pattern FUNCTION_ARN = Pattern.compile("([A-Z][A-Za-z0-9]*)FunctionArn");
    private static final Pattern QUEUE_URL = Pattern.compile("([A-Z][A-Za-z0-9]*)QueueUrl");
    private static final Pattern PASCAL_WORD = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    /** Service integrations whose FunctionName parameter names the Lambda function to call. */
    private static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

    private final String text;
    private final JsonNode root;

    private AslDefinition(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    public static AslDefinition read(Path file) {
        try {
            String text = Files.readString(file);
            return new AslDefinition(text, JsonMapper.builder().build().readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state machine definition " + file, e);
        }
    }

    /** A Task state and the placeholder naming the function it calls (empty for non-Lambda tasks). */
    public record Task(String state, String resource, Optional<String> functionPlaceholder) {
    }

    /** Every {@code ${name}} in the file, sorted. */
    public Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Every Task state, including those in Parallel branches and Map item processors. */
    public List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        collectTasks(root, tasks);
        return tasks;
    }

    /** {@code HoldSeatsFunctionArn} → {@code holdSeats}: the function bean name the placeholder stands for. */
    public static Optional<String> functionName(String placeholder) {
        Matcher matcher = FUNCTION_ARN.matcher(placeholder);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String pascal = matcher.group(1);
        return Optional.of(Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1));
    }

    /** {@code BookingSagaDlqQueueUrl} → {@code booking-saga-dlq}: the catalogue queue it stands for. */
    public static Optional<String> queueName(String placeholder) {
        Matcher matcher = QUEUE_URL.matcher(placeholder);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(PASCAL_WORD.split(matcher.group(1)))
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("-")));
    }

    private static void collectTasks(JsonNode machine, List<Task> tasks) {
        JsonNode states = machine.path("States");
        for (String name : states.propertyNames()) {
            JsonNode state = states.get(name);
            switch (state.path("Type").asString("")) {
                case "Task" -> tasks.add(task(name, state));
                case "Parallel" -> state.path("Branches").forEach(branch -> collectTasks(branch, tasks));
                case "Map" -> {
                    collectTasks(state.path("ItemProcessor"), tasks);
                    collectTasks(state.path("Iterator"), tasks);
                }
                default -> {
                }
            }
        }
    }

    private static Task task(String name, JsonNode state) {
        String resource = state.path("Resource").asString("");
        String functionReference;
        if (resource.startsWith(LAMBDA_INVOKE)) {
            JsonNode parameters = state.has("Arguments") ? state.path("Arguments") : state.path("Parameters");
            functionReference = parameters.has("FunctionName")
                    ? parameters.path("FunctionName").asString("")
                    : parameters.path("FunctionName.$").asString("");
        } else if (resource.startsWith("arn:aws:states:::")) {
            return new Task(name, resource, Optional.empty());
        } else {
            functionReference = resource; // the short form: Resource is the function's ARN itself
        }
        Matcher matcher = PLACEHOLDER.matcher(functionReference);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Task state '" + name + "' must name its function as a ${...FunctionArn} "
                    + "placeholder so every environment can substitute its own, found '" + functionReference + "'");
        }
        return new Task(name, resource, Optional.of(matcher.group(1)));
    }
}

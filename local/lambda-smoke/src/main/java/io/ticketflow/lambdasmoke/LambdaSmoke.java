package io.ticketflow.lambdasmoke;

import io.ticketflow.catalog.Catalogue;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.testsupport.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scripts/lambda-smoke}: proves the jars CDK deploys start and answer under the Lambda runtime.
 * Reads every function from the synthesized templates (handler, environment, asset jar), provisions the
 * catalogue's tables and queues and the admission pass key on moto, then runs each {@link Scenario} in
 * a fresh emulated Lambda and prints one row per function: init (the cold start Lambda reports), the first
 * invoke's duration, and the caller's wait for the first answer. Exits 1 when any answer is wrong.
 *
 * <p>Arguments: {@code <cdk.out> <aws-lambda-rie> <runtime-classpath-dir> <events-dir> <log-dir>}.
 */
public final class LambdaSmoke {

    private static final Duration INVOKE_TIMEOUT = Duration.ofSeconds(120);

    private LambdaSmoke() {
    }

    record Row(Scenario scenario, DeployedFunction function, EmulatedLambda.Report first, double wallMs,
               List<String> wrong) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: LambdaSmoke <cdk.out> <aws-lambda-rie> <runtime-classpath-dir> <events-dir> <log-dir>");
            System.exit(2);
        }
        Path cdkOut = Path.of(args[0]);
        Path rie = Path.of(args[1]);
        String runtimeClasspath = Path.of(args[2]).toAbsolutePath() + "/*";
        Path events = Path.of(args[3]);
        Path logs = Files.createDirectories(Path.of(args[4]));
        JsonMapper json = KernelBeans.newJsonMapper();

        Map<String, DeployedFunction> deployed = DeployedFunction.readAll(cdkOut, json);
        List<Scenario> scenarios = Scenario.all(json);
        requireEveryJarStarted(deployed, scenarios);
        String prefix = commonPrefix(deployed);

        List<Row> rows = new ArrayList<>();
        try (MotoServer moto = MotoServer.start(0, logs.resolve("moto.log"))) {
            AwsSettings settings = new AwsSettings(moto.endpoint(), DeployedFunction.PSEUDO_PARAMETERS.get("AWS::Region"), prefix);
            try (AwsClients clients = new AwsClients(settings)) {
                new CatalogueProvisioner(clients.dynamoDb(), clients.sqs(), settings, json)
                        .provision(Catalogue.tables(), Catalogue.queues());
                createAdmissionKey(clients, deployed);
            }
            for (Scenario scenario : scenarios) {
                DeployedFunction function = deployed.get(scenario.bean());
                rows.add(run(scenario, function, rie, runtimeClasspath, events, logs, moto, json));
            }
        }
        print(rows);
        if (rows.stream().anyMatch(r -> !r.wrong().isEmpty())) {
            System.exit(1);
        }
    }

    private static Row run(Scenario scenario, DeployedFunction function, Path rie, String runtimeClasspath,
                           Path events, Path logs, MotoServer moto, JsonMapper json) throws IOException {
        String event = Files.readString(events.resolve(scenario.fixture()));
        Path log = logs.resolve(function.bean() + ".log");
        Path taskRoot = TaskRoot.unpack(function.jar(), logs.resolve("task"));
        try (EmulatedLambda lambda = EmulatedLambda.start(rie, function, taskRoot, runtimeClasspath,
                lambdaEnvironment(function, moto), log)) {
            EmulatedLambda.Answer answer;
            try {
                answer = lambda.invoke(event, INVOKE_TIMEOUT);
            } finally {
                Files.writeString(log, lambda.output());
            }
            List<String> wrong = new ArrayList<>();
            EmulatedLambda.Report report = null;
            if (answer.httpStatus() != 200) {
                wrong.add("the emulator answered HTTP " + answer.httpStatus() + ": " + answer.body());
            } else {
                JsonNode body = json.readTree(answer.body());
                if (body.has("errorType")) {
                    wrong.add("the function failed: " + body.path("errorType").asString() + ": "
                            + body.path("errorMessage").asString());
                } else {
                    wrong.addAll(scenario.check().apply(body));
                }
                report = lambda.report(0);
            }
            Files.writeString(log, lambda.output());
            if (!wrong.isEmpty()) {
                wrong.add("log: " + log);
            }
            return new Row(scenario, function, report, answer.wallMs(), wrong);
        }
    }

    /**
     * The template's variables plus what Lambda itself sets; only the endpoint and the dummy credentials
     * differ from AWS, as in the tests.
     */
    private static Map<String, String> lambdaEnvironment(DeployedFunction function, MotoServer moto) {
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        String region = DeployedFunction.PSEUDO_PARAMETERS.get("AWS::Region");
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_SESSION_TOKEN", "test");
        environment.put(AwsSettings.ENDPOINT, moto.endpoint().toString());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function.physicalName());
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", Integer.toString(function.timeoutSeconds()));
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        environment.put("_HANDLER", function.handler());
        return environment;
    }

    /** A jar that no scenario starts is a jar CDK deploys unproven: fail before starting anything. */
    private static void requireEveryJarStarted(Map<String, DeployedFunction> deployed, List<Scenario> scenarios) {
        Set<Path> jars = new LinkedHashSet<>();
        deployed.values().forEach(f -> jars.add(f.jar()));
        for (Scenario scenario : scenarios) {
            DeployedFunction function = deployed.get(scenario.bean());
            if (function == null) {
                throw new IllegalStateException("the synthesized app deploys no function " + scenario.bean());
            }
            jars.remove(function.jar());
        }
        if (!jars.isEmpty()) {
            throw new IllegalStateException("no scenario starts these deployed jars: " + jars);
        }
    }

    private static String commonPrefix(Map<String, DeployedFunction> deployed) {
        Set<String> prefixes = new LinkedHashSet<>();
        deployed.values().forEach(f -> prefixes.add(f.environment().getOrDefault(AwsSettings.RESOURCE_PREFIX, "")));
        if (prefixes.size() != 1) {
            throw new IllegalStateException("the functions disagree on " + AwsSettings.RESOURCE_PREFIX + ": " + prefixes);
        }
        return prefixes.iterator().next();
    }

    /**
     * The Queue signs admission passes with a KMS key found by its alias, and the verifying functions fetch
     * its public key at start: moto gets a key of the same spec under the alias the template names.
     */
    private static void createAdmissionKey(AwsClients clients, Map<String, DeployedFunction> deployed) {
        Set<String> aliases = new LinkedHashSet<>();
        deployed.values().forEach(f -> {
            String keyId = f.environment().get(AdmissionKeys.KMS_KEY_ID);
            if (keyId != null) {
                aliases.add(keyId.substring(keyId.indexOf(":alias/") + 1));
            }
        });
        for (String alias : aliases) {
            String keyId = clients.kms().createKey(r -> r.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY")
                    .description("lambda-smoke admission pass key")).keyMetadata().keyId();
            clients.kms().createAlias(r -> r.aliasName(alias).targetKeyId(keyId));
        }
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("Lambda runtime smoke: each deployed jar under aws-lambda-rie + the Runtime Interface Client (ms)");
        String format = "%-12s %-30s %-20s %10s %12s %12s  %s%n";
        System.out.printf(Locale.ROOT, format, "jar", "function", "event", "cold start", "first invoke", "first answer", "result");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, format, service(row.function()), row.scenario().bean(), row.scenario().eventKind(),
                    row.first() == null ? "-" : row.first().initMs().map(LambdaSmoke::millis).orElse("-"),
                    row.first() == null ? "-" : millis(row.first().durationMs()), millis(row.wallMs()),
                    row.wrong().isEmpty() ? "ok" : "FAILED: " + String.join("; ", row.wrong()));
        }
        System.out.println("cold start = the emulator's init phase (java started → handler constructed → first poll);"
                + " first invoke = the first invoke phase; first answer = POST → answer, both included");
        long failed = rows.stream().filter(r -> !r.wrong().isEmpty()).count();
        System.out.printf(Locale.ROOT, "lambda-smoke: %d passed, %d failed%n", rows.size() - failed, failed);
    }

    private static String service(DeployedFunction function) {
        String main = function.environment().getOrDefault("MAIN_CLASS", "");
        String[] parts = main.split("\\.");
        return parts.length > 2 ? parts[2] : function.jar().getFileName().toString();
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%,.0f", ms);
    }
}

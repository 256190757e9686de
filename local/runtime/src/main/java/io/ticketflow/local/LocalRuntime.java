package io.ticketflow.local;

import io.ticketflow.catalog.DeadLetterQueues;
import io.ticketflow.catalog.QueueSubscription;
import io.ticketflow.concert.ConcertFunctions;
import io.ticketflow.catalog.ConcertResources;
import io.ticketflow.concert.DemoCatalogue;
import io.ticketflow.concert.domain.Concert;
import io.ticketflow.catalog.StreamSubscription;
import io.ticketflow.kernel.auth.DevTokens;
import com.nimbusds.jose.jwk.ECKey;
import io.ticketflow.kernel.admission.AdmissionKeys;
import io.ticketflow.kernel.auth.JwtSettings;
import io.ticketflow.kernel.auth.JwtVerifier;
import io.ticketflow.kernel.aws.AwsClients;
import io.ticketflow.kernel.aws.AwsSettings;
import io.ticketflow.kernel.aws.CatalogueProvisioner;
import io.ticketflow.kernel.function.KernelBeans;
import io.ticketflow.local.stepfunctions.StepFunctionsEmulator;
import io.ticketflow.payment.PaymentSettings;
import io.ticketflow.point.PointSettings;
import io.ticketflow.queue.QueueFunctions;
import io.ticketflow.queue.QueueSettings;
import io.ticketflow.statemachine.SagaDefinition;
import io.ticketflow.testsupport.MotoServer;
import io.ticketflow.testsupport.ProjectRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local runtime: API Gateway, Lambda's event-source mappings and the schedules around the real
 * function beans, in one JVM, on moto (or any endpoint given). Everything it wires comes from the
 * {@link Topology}, by default the catalogue, so a local run is built from what the CDK app deploys.
 */
public final class LocalRuntime implements AutoCloseable {

    static final Duration MAX_IDLE_PAUSE = Duration.ofMillis(500);
    static final List<String> DEMO_CONCERTS = List.of("concert-1", "concert-2", "concert-3");
    /** Proof-of-work bits locally: about 256 hashes, well under a millisecond per enter. */
    public static final int LOCAL_WORK_DIFFICULTY = 8;

    private final LocalOptions options;
    private final Topology topology;
    private final Clock clock = Clock.systemUTC();
    private final JsonMapper json = KernelBeans.newJsonMapper();
    private final List<AutoCloseable> running = new ArrayList<>();
    private ApiGateway gateway;
    private LocalStepFunctions stepFunctions;
    private MotoServer moto;
    private AwsSettings settings;
    private AwsClients clients;
    private JwtSettings jwt;
    /** Shared by the simulated payment provider and the Point service, as a provider's webhook secret is. */
    private String webhookSecret;
    /** Signs admission passes for this run only, as the KMS key does on AWS. */
    private ECKey admissionKey;
    private DevTokens devTokens;
    private LocalLambdas lambdas;
    private Path workDirectory;
    private List<String> provisioned = List.of();
    private List<String> seeded = List.of();
    private final Map<String, String> replacedProperties = new LinkedHashMap<>();
    private MetricsTally metrics;
    /** Standard out before this runtime put its {@link MetricsTally} in front of it. */
    private PrintStream console;
    private PrintStream tallied;
    private final RouteLatencies latencies = new RouteLatencies();
    /** CloudFront's part locally: the public, cacheable answers (the queue's "now serving"). */
    private final EdgeCache edge = new EdgeCache(clock);

    private LocalRuntime(LocalOptions options, Topology topology) {
        this.options = options;
        this.topology = topology;
    }

    public static void main(String[] args) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(Arrays.asList(args), System.getenv(), ProjectRoot.find());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.setProperty("MAIN_CLASS", System.getProperty("MAIN_CLASS", LocalFunctions.class.getName()));
        LocalRuntime runtime = start(options, Topology.catalogue());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the local runtime…");
            runtime.close();
        }, "local-runtime-stop"));
        System.out.println(new StartupBanner(runtime).text());
        if (options.faults().any()) {
            System.out.println("FAULTS ARE ON (" + options.faults() + "): invocations die and SQS deliveries repeat on purpose");
        }
    }

    /** The faults this runtime injects, with how many it injected so far. */
    public Faults faults() {
        return options.faults();
    }

    /**
     * Starts everything; {@code MAIN_CLASS} (a system property or variable) must name the start class
     * whose functions the topology invokes.
     */
    public static LocalRuntime start(LocalOptions options, Topology topology) {
        LocalRuntime runtime = new LocalRuntime(options, topology);
        try {
            runtime.startAll();
            return runtime;
        } catch (IOException e) {
            runtime.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        gateway = ApiGateway.bind(options.port());
        running.add(gateway);
        workDirectory = options.projectRoot().resolve(".local").resolve(String.valueOf(gateway.port()));
        URI endpoint = options.endpoint();
        if (endpoint == null) {
            Files.createDirectories(workDirectory);
            moto = MotoServer.start(0, workDirectory.resolve("moto.log"));
            endpoint = moto.endpoint();
        }
        settings = new AwsSettings(endpoint, options.region(), options.resourcePrefix());
        jwt = new JwtSettings(JwtSettings.DEFAULT_ISSUER, JwtSettings.DEFAULT_AUDIENCE, randomSecret());
        devTokens = new DevTokens(jwt, clock);
        admissionKey = AdmissionKeys.newDevKey();
        webhookSecret = randomSecret();
        // Every saga's state machine exists, whatever the topology: the services' functions read their ARNs at start.
        Set<SagaDefinition> sagas = new LinkedHashSet<>(SagaDefinition.all());
        sagas.addAll(topology.sagas());
        stepFunctions = LocalStepFunctions.start(List.copyOf(sagas), settings.region());
        running.add(stepFunctions);
        functionConfiguration().forEach(this::setSystemProperty);

        clients = new AwsClients(settings);
        provisioned = new CatalogueProvisioner(clients.dynamoDb(), clients.sqs(), settings, json)
                .provision(topology.tables(), topology.queues());

        Set<String> functions = new LinkedHashSet<>(topology.invokedFunctions());
        if (topology.sagas().contains(SagaDefinition.BOOKING)) {
            functions.add(BookingRecovery.PENDING_BOOKINGS);
        }
        if (options.seed()) {
            functions.add(QueueFunctions.OPEN_QUEUE);
        }
        if (options.seed() || topology.tables().stream().anyMatch(t -> t.name().equals(ConcertResources.CATALOG_TABLE))) {
            functions.add(ConcertFunctions.PUBLISH_CONCERT);
        }
        console = System.out;
        metrics = new MetricsTally(console, json);
        tallied = metrics.printStream();
        System.setOut(tallied);
        if (options.metricsSeconds() > 0) {
            running.add(new MetricsSummary(metrics, latencies, this::deadLetterMessages, clock, console,
                    Duration.ofSeconds(options.metricsSeconds())).start());
        }
        lambdas = LocalLambdas.start(functions, json, options.faults());
        stepFunctions.connect(lambdas);
        if (options.seed()) {
            seeded = seed(lambdas);
        }
        gateway.serve(new ApiGatewayHandler(new RouteTable(topology.routes()), new HttpApiEvents(json, clock), lambdas,
                new JwtVerifier(jwt, clock), devTokens, json, edge, new SimulatedPaymentProvider(baseUri(),
                        PointSettings.webhookSignature(System::getProperty), json, clock),
                new WebAssets(options.projectRoot().resolve("web")), latencies));
        for (StreamSubscription subscription : topology.streamSubscriptions()) {
            StreamPoller poller = new StreamPoller(subscription, clients.dynamoDb(), clients.dynamoDbStreams(),
                    clients.sqs(), settings, lambdas, json, clock);
            running.add(new PollingLoop("stream-" + subscription.function(), poller, MAX_IDLE_PAUSE).start());
        }
        for (QueueSubscription subscription : topology.queueSubscriptions()) {
            SqsPoller poller = new SqsPoller(subscription, clients.sqs(), settings, lambdas, json, options.faults());
            running.add(new PollingLoop("sqs-" + subscription.function(), poller, SqsPoller.IDLE_PAUSE).start());
        }
        running.add(Schedules.start(topology.schedules(), s -> options.intervalSeconds(s.name(), s.rateSeconds()),
                lambdas, json, clock, settings.region()));
        if (lambdas.deploys(BookingRecovery.PENDING_BOOKINGS)) {
            running.add(new BookingRecovery(lambdas, stepFunctions, json, clock).start());
        }
    }

    /** Opens the demo concerts' queues through the queue service's own operation, as an operator would. */
    private List<String> seed(LocalLambdas lambdas) {
        List<String> opened = new ArrayList<>();
        if (lambdas.deploys(ConcertFunctions.PUBLISH_CONCERT)) {
            // CONCERT_PUBLISHED gives Reservation its seat inventory (and opens the queue) through the events
            for (Concert concert : DemoCatalogue.concerts()) {
                try {
                    lambdas.invokeReliably(ConcertFunctions.PUBLISH_CONCERT, json.valueToTree(concert));
                } catch (LocalLambdas.FunctionFailed e) {
                    System.err.println("demo concert " + concert.concertId() + " not published: " + e.getMessage());
                }
            }
        }
        for (String concertId : DEMO_CONCERTS) {
            ObjectNode command = json.createObjectNode().put("concertId", concertId);
            lambdas.invokeReliably(QueueFunctions.OPEN_QUEUE, command);
            opened.add(concertId);
        }
        return opened;
    }

    /**
     * What Lambda would have in its environment; system properties here, which the functions' Spring
     * {@code Environment} reads like variables.
     */
    private Map<String, String> functionConfiguration() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(AwsSettings.ENDPOINT, settings.endpoint().toString());
        config.put(AwsSettings.REGION, settings.region());
        config.put(AwsSettings.RESOURCE_PREFIX, settings.resourcePrefix());
        config.put(JwtSettings.DEV_SECRET, jwt.devSecret());
        config.put(JwtSettings.ISSUER, jwt.issuer());
        config.put(JwtSettings.AUDIENCE, jwt.audience());
        config.put(AdmissionKeys.SIGNING_KEY, admissionKey.toJSONString());
        config.put(AdmissionKeys.PUBLIC_KEY, admissionKey.toPublicJWK().toJSONString());
        // a laptop's whole crowd comes from one address and its tests retry every 50 ms: work of a few hundred
        // hashes, and enter limits only a run that sets them (functionConfig) reaches
        config.put(QueueSettings.WORK_DIFFICULTY, String.valueOf(LOCAL_WORK_DIFFICULTY));
        config.put(QueueSettings.ENTER_LIMIT_PER_USER, String.valueOf(Integer.MAX_VALUE));
        config.put(QueueSettings.ENTER_LIMIT_PER_ADDRESS, String.valueOf(Integer.MAX_VALUE));
        config.put(PointSettings.PROVIDER_URL, SimulatedPaymentProvider.baseUrl(baseUri()));
        config.put(PaymentSettings.PROVIDER_URL, SimulatedPaymentProvider.baseUrl(baseUri()));
        config.put(PointSettings.WEBHOOK_SECRET, webhookSecret);
        config.put("spring.main.banner-mode", "off");
        config.put("spring.main.log-startup-info", "false");
        config.putAll(stepFunctions.functionConfiguration());
        config.putAll(options.functionConfig());
        return config;
    }

    /** Sets a function configuration value, remembering what it replaced so {@link #close} can restore it. */
    private void setSystemProperty(String key, String value) {
        replacedProperties.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    /** A fresh 256-bit HS256 secret per start: tokens of an earlier run stop working, as they should. */
    private static String randomSecret() {
        byte[] bytes = new byte[JwtSettings.MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public int port() {
        return gateway.port();
    }

    public AwsSettings settings() {
        return settings;
    }

    public AwsClients clients() {
        return clients;
    }

    /** The in-process Step Functions, for tests and the bench. */
    public StepFunctionsEmulator stepFunctions() {
        return stepFunctions.emulator();
    }

    URI stepFunctionsEndpoint() {
        return stepFunctions.endpoint();
    }

    /**
     * Publishes a concert through the Concert service's own function, as the demo catalogue is: CONCERT_PUBLISHED
     * then gives Reservation its seat inventory and opens the concert's queue. Until an operator API exists this is
     * how a benchmark or a demo brings its own hall.
     */
    public void publish(Concert concert) {
        if (!lambdas.deploys(ConcertFunctions.PUBLISH_CONCERT)) {
            throw new IllegalStateException("this runtime's topology has no Concert service to publish " + concert.concertId());
        }
        lambdas.invokeReliably(ConcertFunctions.PUBLISH_CONCERT, json.valueToTree(concert));
    }

    /** The ARN of a saga's state machine here. */
    public String stateMachineArn(SagaDefinition saga) {
        return stepFunctions.stateMachineArn(saga);
    }

    /** How many GETs the edge answered from its copy, and how many went to a function. */
    public long edgeHits() {
        return edge.hits();
    }

    public long edgeMisses() {
        return edge.misses();
    }

    public String devToken(String userId) {
        return devTokens.mint(userId, ApiGatewayHandler.DEV_TOKEN_LIFETIME);
    }

    /** A dev token carrying {@code scopes}, as {@code POST /_local/dev-tokens} mints one (e.g. an operator's). */
    public String devToken(String userId, List<String> scopes) {
        return devTokens.mint(userId, scopes, ApiGatewayHandler.DEV_TOKEN_LIFETIME);
    }

    /** A dev token as if minted at {@code issuedAt}: one issued long enough ago has expired (for tests). */
    String devTokenIssuedAt(String userId, Instant issuedAt) {
        return new DevTokens(jwt, Clock.fixed(issuedAt, ZoneOffset.UTC))
                .mint(userId, ApiGatewayHandler.DEV_TOKEN_LIFETIME);
    }

    /** Tells {@code listener} of every invocation from now on (tests that deliver recorded events again). */
    void listen(LocalLambdas.InvocationListener listener) {
        lambdas.listen(listener);
    }

    /** Invokes a function directly, without injected faults and unheard by the listener: a test's own delivery. */
    JsonNode invoke(String function, JsonNode event) {
        return lambdas.invokeReliably(function, event);
    }

    LocalOptions options() {
        return options;
    }

    Topology topology() {
        return topology;
    }

    List<String> provisioned() {
        return provisioned;
    }

    List<String> seeded() {
        return seeded;
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** What the functions counted in their metric lines, and what they logged, since the start. */
    MetricsTally metrics() {
        return metrics;
    }

    /** Messages waiting in the dead-letter and failure queues this topology has. */
    private long deadLetterMessages() {
        Set<String> queues = new LinkedHashSet<>();
        topology.queues().forEach(queue -> {
            queues.add(queue.name());
            queues.add(queue.deadLetterQueueName());
        });
        long waiting = 0;
        for (String queue : DeadLetterQueues.names()) {
            if (queues.contains(queue)) {
                String url = clients.sqs().getQueueUrl(r -> r.queueName(settings.physicalName(queue))).queueUrl();
                waiting += Long.parseLong(clients.sqs().getQueueAttributes(r -> r.queueUrl(url)
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes().getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
            }
        }
        return waiting;
    }

    boolean startedMoto() {
        return moto != null;
    }

    @Override
    public void close() {
        // pollers first told to stop all at once: each may be inside a long poll, and one after the other would add up
        running.stream().filter(PollingLoop.class::isInstance).map(PollingLoop.class::cast).forEach(PollingLoop::stop);
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
        running.clear();
        // only our own tally is taken away: another runtime started after this one keeps its own
        if (tallied != null && System.out == tallied) {
            tallied.flush();
            System.setOut(console);
        }
        if (clients != null) {
            clients.close();
        }
        if (moto != null) {
            moto.close();
        }
        replacedProperties.forEach((key, previous) -> {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        });
        replacedProperties.clear();
    }
}

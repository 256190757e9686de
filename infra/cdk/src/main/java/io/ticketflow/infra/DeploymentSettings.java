package io.ticketflow.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Everything a synth needs besides the catalogue, read from CDK context ({@code -c key=value}).
 *
 * @param repoRoot         the repository root: the service jars are under {@code functions/<service>/target}
 * @param version          the version in the service jars' file names
 * @param jwtIssuer        the JWT authorizer's issuer URL (an OIDC provider: Cognito, Auth0, ...)
 * @param jwtAudience      accepted {@code aud} values
 * @param corsOrigins      origins of the web page, each {@code scheme://host[:port]}; empty turns CORS off. Only
 *                         {@code dev} may allow every origin ({@code *}) or plain http
 * @param activationBatchSize tokens the activation schedule admits per run
 * @param sagaDefinition   the booking saga's ASL file (the cancellation's sits beside it); the synth fails without either
 */
public record DeploymentSettings(Stage stage, Path repoRoot, String version, String jwtIssuer, List<String> jwtAudience,
                                 List<String> corsOrigins, int activationBatchSize, Path sagaDefinition) {

    public static final String STAGE = "stage";
    public static final String REPO_ROOT = "repoRoot";
    public static final String JWT_ISSUER = "jwtIssuer";
    public static final String JWT_AUDIENCE = "jwtAudience";
    public static final String CORS_ORIGINS = "corsOrigins";
    public static final String ACTIVATION_BATCH_SIZE = "queueActivationBatchSize";
    public static final String SAGA_DEFINITION = "sagaDefinition";

    /** The issuer and audience the local runtime signs its dev tokens with (local/runtime DevJwt). */
    static final String DEV_ISSUER = "https://ticketflow.dev/local";
    static final String DEV_AUDIENCE = "ticketflow-api";
    static final String DEV_CORS_ORIGIN = "http://localhost:8080";
    static final int DEFAULT_ACTIVATION_BATCH_SIZE = 100;

    public DeploymentSettings {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(jwtIssuer, "jwtIssuer");
        jwtAudience = List.copyOf(jwtAudience);
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(sagaDefinition, "sagaDefinition");
        if (jwtAudience.isEmpty()) {
            throw new IllegalArgumentException("jwtAudience must name at least one audience");
        }
        corsOrigins.forEach(origin -> requireExplicitOrigin(stage, origin));
        if (activationBatchSize < 1) {
            throw new IllegalArgumentException("queueActivationBatchSize must be >= 1, was " + activationBatchSize);
        }
    }

    /**
     * Reads the settings from CDK context. {@code dev} falls back to the local runtime's issuer so an
     * offline synth works; {@code prod} must name its identity provider, or every caller would get 401.
     */
    public static DeploymentSettings fromContext(Function<String, Object> context) {
        Stage stage = Stage.parse(text(context, STAGE, "dev"));
        Path repoRoot = Path.of(text(context, REPO_ROOT, "../..")).toAbsolutePath().normalize();
        String issuer = text(context, JWT_ISSUER, stage == Stage.DEV ? DEV_ISSUER : null);
        String audience = text(context, JWT_AUDIENCE, stage == Stage.DEV ? DEV_AUDIENCE : null);
        if (issuer == null || audience == null) {
            throw new IllegalArgumentException("stage " + stage.id() + " needs the identity provider: -c "
                    + JWT_ISSUER + "=https://<issuer> -c " + JWT_AUDIENCE + "=<client id>[,<client id>...]");
        }
        String origins = text(context, CORS_ORIGINS, stage == Stage.DEV ? DEV_CORS_ORIGIN : "");
        int batchSize = Integer.parseInt(text(context, ACTIVATION_BATCH_SIZE,
                String.valueOf(DEFAULT_ACTIVATION_BATCH_SIZE)));
        Path saga = Path.of(text(context, SAGA_DEFINITION,
                repoRoot.resolve("statemachine/booking-saga.asl.json").toString()));
        return new DeploymentSettings(stage, repoRoot, buildVersion(), issuer, list(audience), list(origins),
                batchSize, saga);
    }

    /**
     * A browser sends the user's bearer token to the API from any page an origin allows, so staging and prod name
     * their web pages exactly, over https: {@code *} there would let every site on the web call the API as the user.
     */
    private static void requireExplicitOrigin(Stage stage, String origin) {
        if (stage == Stage.DEV && origin.equals("*")) {
            return;
        }
        if (origin.contains("*")) {
            throw new IllegalArgumentException(CORS_ORIGINS + " of stage " + stage.id() + " must name each origin, not '"
                    + origin + "': -c " + CORS_ORIGINS + "=https://tickets.example.com[,https://...]");
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(CORS_ORIGINS + ": not an origin: '" + origin + "'", e);
        }
        boolean https = "https".equals(uri.getScheme());
        boolean originOnly = uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!originOnly || !(https || (stage == Stage.DEV && "http".equals(uri.getScheme())))) {
            throw new IllegalArgumentException(CORS_ORIGINS + " of stage " + stage.id() + ": '" + origin + "' is not "
                    + (stage == Stage.DEV ? "http(s)" : "https") + "://host[:port]");
        }
    }

    /** Prefix of every physical name, e.g. {@code ticketflow-dev-}: the functions' TICKETFLOW_RESOURCE_PREFIX. */
    public String resourcePrefix() {
        return "ticketflow-" + stage.id() + "-";
    }

    public String physicalName(String logicalName) {
        return resourcePrefix() + logicalName;
    }

    /** The version of this build, which is also the version of the service jars built beside it. */
    public static String buildVersion() {
        try (InputStream in = DeploymentSettings.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties missing: build the module with Maven");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Function<String, Object> context, String key, String fallback) {
        Object value = context.apply(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString().trim();
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ticketflow.catalog.Service;

class DeploymentSettingsTest {

    @Test
    void noContext_meansDevWithTheLocalRuntimesIssuerAndTheRepositorysSagaFile() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.<String, Object>of()::get);

        assertThat(settings.stage()).isEqualTo(Stage.DEV);
        assertThat(settings.resourcePrefix()).isEqualTo("ticketflow-dev-");
        assertThat(settings.jwtIssuer()).isEqualTo(DeploymentSettings.DEV_ISSUER);
        assertThat(settings.jwtAudience()).containsExactly(DeploymentSettings.DEV_AUDIENCE);
        assertThat(settings.sagaDefinition().toString()).endsWith("statemachine/booking-saga.asl.json");
        assertThat(settings.version()).isNotBlank().doesNotContain("@");
    }

    @Test
    void prodWithoutAnIdentityProvider_isRejectedNamingTheContextKeys() {
        assertThatThrownBy(() -> DeploymentSettings.fromContext(Map.<String, Object>of("stage", "prod")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jwtIssuer")
                .hasMessageContaining("jwtAudience");
    }

    @Test
    void prodWithContext_keepsItsValuesAndHasNoCorsUnlessGiven() {
        DeploymentSettings settings = DeploymentSettings.fromContext(Map.<String, Object>of(
                "stage", "prod", "jwtIssuer", "https://idp.example.test/", "jwtAudience", "web, mobile",
                "queueActivationBatchSize", "500")::get);

        assertThat(settings.physicalName("queue-tokens")).isEqualTo("ticketflow-prod-queue-tokens");
        assertThat(settings.jwtAudience()).containsExactly("web", "mobile");
        assertThat(settings.corsOrigins()).isEmpty();
        assertThat(settings.activationBatchSize()).isEqualTo(500);
        assertThat(settings.stage().deletionProtection()).isTrue();
    }

    @Test
    void everyOriginAllowed_isRefusedForStagingAndProd_atSynth_butAllowedInDev() {
        for (String stage : List.of("staging", "prod")) {
            assertThatThrownBy(() -> DeploymentSettings.fromContext(Map.<String, Object>of("stage", stage,
                    "jwtIssuer", "https://idp.example.test/", "jwtAudience", "web", "corsOrigins", "https://tickets.example.test, *")::get))
                    .as(stage)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("corsOrigins of stage " + stage + " must name each origin");
        }
        assertThat(DeploymentSettings.fromContext(Map.<String, Object>of("corsOrigins", "*")::get).corsOrigins())
                .containsExactly("*");
    }

    @Test
    void prodOrigins_mustBeHttpsOriginsWithoutPath() {
        for (String origin : List.of("http://tickets.example.test", "https://tickets.example.test/app", "tickets.example.test",
                "https://*.example.test")) {
            assertThatThrownBy(() -> DeploymentSettings.fromContext(Map.<String, Object>of("stage", "prod",
                    "jwtIssuer", "https://idp.example.test/", "jwtAudience", "web", "corsOrigins", origin)::get))
                    .as(origin)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(origin);
        }
        assertThat(DeploymentSettings.fromContext(Map.<String, Object>of("stage", "prod", "jwtIssuer", "https://idp.example.test/",
                "jwtAudience", "web", "corsOrigins", "https://tickets.example.test,https://m.example.test:8443")::get).corsOrigins())
                .containsExactly("https://tickets.example.test", "https://m.example.test:8443");
    }

    @Test
    void unknownStage_isRejected() {
        assertThatThrownBy(() -> DeploymentSettings.fromContext(Map.<String, Object>of("stage", "qa")::get))
                .hasMessageContaining("unknown stage 'qa'");
    }

    @Test
    void missingServiceJars_areAllNamedWithTheCommandThatBuildsThem(@TempDir Path root) throws Exception {
        LambdaArtifacts artifacts = new LambdaArtifacts(root, "1.2.3");
        Files.createDirectories(artifacts.jar(Service.QUEUE).getParent());
        Files.write(artifacts.jar(Service.QUEUE), new byte[] {1});

        assertThatThrownBy(() -> artifacts.requireAll(List.of(Service.QUEUE, Service.RESERVATION, Service.POINT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("functions/reservation/target/ticketflow-reservation-1.2.3-aws.jar")
                .hasMessageContaining("functions/point/target/ticketflow-point-1.2.3-aws.jar")
                .hasMessageNotContaining("ticketflow-queue-1.2.3-aws.jar")
                .hasMessageContaining("./mvnw -B -pl functions/reservation,functions/point -am package");
    }
}

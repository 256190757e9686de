package io.ticketflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awscdk.App;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code config.json} a web stack's BucketDeployment writes beside the page, as the deployment would write it:
 * the staged asset file with each deploy-time marker replaced by the text of its CloudFormation value
 * ({@link SynthesizedApp#text}).
 */
final class DeployedPageConfig {

    private DeployedPageConfig() {
    }

    static JsonNode of(App app, JsonNode webTemplate) {
        List<JsonNode> deployments = new ArrayList<>();
        webTemplate.path("Resources").forEach(resource -> {
            if (resource.path("Type").asString("").equals("Custom::CDKBucketDeployment")) {
                deployments.add(resource.path("Properties"));
            }
        });
        assertThat(deployments).hasSize(1);
        JsonNode deployment = deployments.get(0);
        JsonNode keys = deployment.path("SourceObjectKeys");
        for (int i = 0; i < keys.size(); i++) {
            String hash = keys.get(i).asString().replace(".zip", "");
            Path file = Path.of(app.getOutdir(), "asset." + hash, WebStack.CONFIG_FILE);
            if (Files.isRegularFile(file)) {
                String text = read(file);
                JsonNode markers = deployment.path("SourceMarkers").path(i);
                for (String marker : markers.propertyNames()) {
                    text = text.replace(marker, SynthesizedApp.text(markers.get(marker)));
                }
                return JsonMapper.builder().build().readTree(text);
            }
        }
        throw new AssertionError("no source of the web stack's deployment holds " + WebStack.CONFIG_FILE + ": " + keys);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

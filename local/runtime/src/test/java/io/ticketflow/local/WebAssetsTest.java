package io.ticketflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebAssetsTest {

    @TempDir
    Path root;

    private WebAssets web;

    @BeforeEach
    void page() throws IOException {
        Files.writeString(root.resolve("index.html"), "<!doctype html>");
        Files.writeString(root.resolve("app.js"), "export {}");
        Files.writeString(root.getParent().resolve("secret.js"), "outside");
        web = new WebAssets(root);
    }

    @Test
    void root_servesTheIndexPage() {
        assertThat(web.find("GET", "/")).contains(root.resolve("index.html"));
        assertThat(web.find("HEAD", "/app.js")).contains(root.resolve("app.js"));
    }

    @Test
    void apiPaths_otherMethodsAndMissingFiles_areNeverAssets() {
        assertThat(web.find("GET", "/concerts")).isEmpty();
        assertThat(web.find("GET", "/schedules/schedule-1-1/seats")).isEmpty();
        assertThat(web.find("POST", "/app.js")).isEmpty();
        assertThat(web.find("GET", "/missing.js")).isEmpty();
        assertThat(web.find("GET", "/openapi.json")).isEmpty();
    }

    @Test
    void aPathOutsideTheFolder_isNotServed() {
        assertThat(web.find("GET", "/../secret.js")).isEmpty();
        assertThat(web.find("GET", "/%2e%2e/secret.js")).isEmpty();
        assertThat(web.find("GET", "/sub/app.js")).isEmpty();
    }
}

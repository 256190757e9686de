package io.ticketflow.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: {@code -Dticketflow.root} (set by the build), else the nearest folder with {@code mvnw}. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        String configured = System.getProperty("ticketflow.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root (a folder with mvnw); set -Dticketflow.root");
    }
}

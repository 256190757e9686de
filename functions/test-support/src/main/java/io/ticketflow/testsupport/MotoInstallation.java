package io.ticketflow.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Provisions moto server in a virtualenv under {@code <project root>/.moto/} (git-ignored), pinned to
 * one version ({@link PythonVenv}: once per machine and version, under a file lock).
 */
public final class MotoInstallation {

    public static final String DEFAULT_VERSION = "5.2.5";

    private final PythonVenv venv;

    public MotoInstallation(Path projectRoot, String version) {
        this.venv = new PythonVenv(projectRoot, ".moto", "moto[server]", version, "moto_server");
    }

    /** Installation for the enclosing project, version from {@code -Dmoto.version} or the default. */
    public static MotoInstallation forProject() {
        return new MotoInstallation(ProjectRoot.find(), System.getProperty("moto.version", DEFAULT_VERSION));
    }

    /** Installs moto ahead of the tests (CI does this first so an install failure is reported on its own). */
    public static void main(String[] args) {
        System.out.println("[moto] ready: " + forProject().ensureInstalled());
    }

    public Path serverExecutable() {
        return venv.bin("moto_server");
    }

    /**
     * The command that starts the server: the venv's Python running our launcher, which serialises
     * DynamoDB requests around a moto race (see moto_server_serialized.py).
     */
    public List<String> serverCommand(String host, int port) {
        ensureInstalled();
        Path launcher = venv().getParent().resolve("moto_server_serialized.py");
        try (var in = MotoInstallation.class.getResourceAsStream("moto_server_serialized.py")) {
            if (in == null) {
                throw new IllegalStateException("moto_server_serialized.py missing from the classpath");
            }
            Path temporary = Files.createTempFile(venv().getParent(), "launcher", ".py");
            Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, launcher, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + launcher + ": " + e.getMessage(), e);
        }
        return List.of(venv.bin("python").toString(), launcher.toString(),
                "-H", host, "-p", String.valueOf(port));
    }

    /**
     * The command that starts moto's own server, without the launcher: only to compare the launcher with
     * (conformance tests, benchmarks). It keeps moto's races and its per-transaction table copies.
     */
    public List<String> stockServerCommand(String host, int port) {
        return List.of(ensureInstalled().toString(), "-H", host, "-p", String.valueOf(port));
    }

    /** Returns the moto_server executable, creating the venv first if it is missing. */
    public Path ensureInstalled() {
        return venv.ensureInstalled();
    }

    private Path venv() {
        return venv.directory();
    }
}

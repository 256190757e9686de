package io.ticketflow.testsupport;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Provisions moto server in a virtualenv under {@code <project root>/.moto/} (git-ignored), pinned to
 * one version. Installed once per machine and version; a file lock keeps parallel builds from racing.
 */
public final class MotoInstallation {

    public static final String DEFAULT_VERSION = "5.2.5";

    private final Path projectRoot;
    private final String version;

    public MotoInstallation(Path projectRoot, String version) {
        this.projectRoot = projectRoot;
        this.version = version;
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
        return venv().resolve("bin").resolve("moto_server");
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
        return List.of(venv().resolve("bin").resolve("python").toString(), launcher.toString(),
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
        Path executable = serverExecutable();
        if (Files.isExecutable(executable)) {
            return executable;
        }
        try {
            Files.createDirectories(venv().getParent());
            try (FileChannel channel = FileChannel.open(venv().getParent().resolve("install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isExecutable(executable)) {
                    install();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not install moto server into " + venv() + ": " + e.getMessage(), e);
        }
        return executable;
    }

    private Path venv() {
        return projectRoot.resolve(".moto").resolve("venv-" + version);
    }

    private void install() throws IOException {
        String python = Python.find().orElseThrow(() -> new IllegalStateException(
                "python3 not found on PATH: the tests and the local runtime need python3 (3.9+) to run moto server, the AWS emulator"));
        Path logFile = venv().getParent().resolve("install-" + version + ".log");
        System.out.println("[moto] installing moto[server]==" + version + " into " + venv() + " (once; log: " + logFile + ")");
        run(List.of(python, "-m", "venv", venv().toString()), logFile);
        run(List.of(venv().resolve("bin").resolve("pip").toString(), "install", "--quiet", "--disable-pip-version-check",
                "moto[server]==" + version), logFile);
    }

    private static void run(List<String> command, Path logFile) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("'" + String.join(" ", command) + "' failed; see " + logFile + ":\n"
                        + tail(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        }
    }

    private static String tail(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}

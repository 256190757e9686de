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
 * A pinned Python tool from PyPI in its own virtualenv, {@code <project root>/<folder>/venv-<version>/}
 * (git-ignored): installed once per machine and version, under a file lock so parallel test JVMs and builds
 * do not race. moto server and schemathesis are provisioned this way.
 *
 * @param folder      e.g. {@code .moto}; holds the venvs, the install lock and the install logs
 * @param requirement the pip requirement without its version, e.g. {@code moto[server]}
 * @param executable  the venv's {@code bin/} entry point whose presence means "installed"
 */
public record PythonVenv(Path projectRoot, String folder, String requirement, String version, String executable) {

    /**
     * Installs one pinned tool for a script (CI's cfn-lint) and prints its executable, so a script pins a tool
     * the way the tests do: {@code PythonVenv <folder> <requirement> <version> <executable>}, from the project root.
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: PythonVenv <folder> <requirement> <version> <executable>");
            System.exit(2);
        }
        System.out.println(new PythonVenv(ProjectRoot.find(), args[0], args[1], args[2], args[3]).ensureInstalled());
    }

    /** The tool's name in messages: the requirement without extras. */
    private String tool() {
        int extras = requirement.indexOf('[');
        return extras < 0 ? requirement : requirement.substring(0, extras);
    }

    public Path directory() {
        return projectRoot.resolve(folder).resolve("venv-" + version);
    }

    public Path bin(String name) {
        return directory().resolve("bin").resolve(name);
    }

    /** Returns the tool's executable, creating the venv first if it is missing. */
    public Path ensureInstalled() {
        Path entryPoint = bin(executable);
        if (Files.isExecutable(entryPoint)) {
            return entryPoint;
        }
        try {
            Files.createDirectories(directory().getParent());
            try (FileChannel channel = FileChannel.open(directory().getParent().resolve("install.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isExecutable(entryPoint)) {
                    install();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not install " + requirement + "==" + version + " into "
                    + directory() + ": " + e.getMessage(), e);
        }
        return entryPoint;
    }

    private void install() throws IOException {
        String python = Python.find().orElseThrow(() -> new IllegalStateException(
                "python3 not found on PATH: the tests need python3 (3.9+) to run " + tool()));
        Path logFile = directory().getParent().resolve("install-" + version + ".log");
        System.out.println("[" + tool() + "] installing " + requirement + "==" + version + " into " + directory()
                + " (once; log: " + logFile + ")");
        run(List.of(python, "-m", "venv", directory().toString()), logFile);
        run(List.of(bin("pip").toString(), "install", "--quiet", "--disable-pip-version-check",
                requirement + "==" + version), logFile);
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

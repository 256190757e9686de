package io.ticketflow.testsupport;

import java.nio.file.Path;

/**
 * Provisions schemathesis, the API fuzzer, in a virtualenv under {@code <project root>/.schemathesis/}
 * (git-ignored), pinned to one version ({@link PythonVenv}: once per machine and version, under a file lock).
 */
public final class SchemathesisInstallation {

    public static final String DEFAULT_VERSION = "4.32.5";

    private final PythonVenv venv;

    public SchemathesisInstallation(Path projectRoot, String version) {
        this.venv = new PythonVenv(projectRoot, ".schemathesis", "schemathesis", version, "st");
    }

    /** Installation for the enclosing project, version from {@code -Dschemathesis.version} or the default. */
    public static SchemathesisInstallation forProject() {
        return new SchemathesisInstallation(ProjectRoot.find(),
                System.getProperty("schemathesis.version", DEFAULT_VERSION));
    }

    /** Installs schemathesis ahead of the tests (CI does this first so an install failure is reported on its own). */
    public static void main(String[] args) {
        System.out.println("[schemathesis] ready: " + forProject().ensureInstalled());
    }

    /** The {@code st} command line tool, installed first if it is missing. */
    public Path ensureInstalled() {
        return venv.ensureInstalled();
    }
}

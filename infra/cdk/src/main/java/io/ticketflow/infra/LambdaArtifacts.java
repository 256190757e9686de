package io.ticketflow.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.ticketflow.catalog.Service;

/**
 * Where each service's Lambda code is: the shaded jar its module builds. The CDK app never links the
 * services' classes; it only ships these files, so a missing jar must stop the synth before CDK hashes
 * a path that does not exist.
 */
public final class LambdaArtifacts {

    private final Path repoRoot;
    private final String version;

    public LambdaArtifacts(Path repoRoot, String version) {
        this.repoRoot = repoRoot;
        this.version = version;
    }

    public Path jar(Service service) {
        return repoRoot.resolve("functions").resolve(service.id()).resolve("target")
                .resolve("ticketflow-" + service.id() + "-" + version + "-aws.jar");
    }

    /** Fails, naming every missing jar and the command that builds them, unless all exist. */
    public void requireAll(Collection<Service> services) {
        List<Service> missing = services.stream().filter(s -> !Files.isRegularFile(jar(s))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Lambda jars missing: "
                    + missing.stream().map(s -> jar(s).toString()).collect(Collectors.joining(", "))
                    + ". Build them first: ./mvnw -B -pl "
                    + missing.stream().map(s -> "functions/" + s.id()).collect(Collectors.joining(","))
                    + " -am package");
        }
    }
}

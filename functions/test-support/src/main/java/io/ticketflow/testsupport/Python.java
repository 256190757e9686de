package io.ticketflow.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

final class Python {

    private Python() {
    }

    static Optional<String> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "python3"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}

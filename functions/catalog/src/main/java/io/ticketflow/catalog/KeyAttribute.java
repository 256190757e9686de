package io.ticketflow.catalog;

import java.util.Objects;

public record KeyAttribute(String name, AttributeType type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, AttributeType.S);
    }

    public static KeyAttribute number(String name) {
        return new KeyAttribute(name, AttributeType.N);
    }
}

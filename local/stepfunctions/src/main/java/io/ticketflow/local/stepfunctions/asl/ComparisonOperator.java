package io.ticketflow.local.stepfunctions.asl;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The comparison operators of Choice rules. A value of the wrong type for the operator makes the comparison false
 * (Step Functions never converts types); each operator but the {@code Is*} tests has a {@code *Path} variant.
 */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LTE),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GTE),
    STRING_MATCHES("StringMatches", Kind.PATTERN, Relation.EQ),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LT),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LTE),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GTE),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LTE),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GTE),
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.EQ),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.EQ),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.EQ),
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.EQ),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.EQ),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.EQ);

    private enum Kind { STRING, PATTERN, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    private enum Relation { EQ, LT, GT, LTE, GTE }

    private final String fieldName;
    private final Kind kind;
    private final Relation relation;

    ComparisonOperator(String fieldName, Kind kind, Relation relation) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.relation = relation;
    }

    public String fieldName() {
        return fieldName;
    }

    public boolean hasPathVariant() {
        return kind != Kind.TYPE_TEST && kind != Kind.PATTERN;
    }

    public static Optional<ComparisonOperator> byFieldName(String name) {
        return Arrays.stream(values()).filter(op -> op.fieldName.equals(name)).findFirst();
    }

    /** Whether a literal operand has the JSON type this operator compares with. */
    boolean acceptsOperand(JsonNode operand) {
        return switch (kind) {
            case STRING, PATTERN -> operand.isString();
            case NUMERIC -> operand.isNumber();
            case BOOLEAN, TYPE_TEST -> operand.isBoolean();
            case TIMESTAMP -> operand.isString() && Timestamps.parse(operand.stringValue()).isPresent();
        };
    }

    boolean test(JsonNode actual, JsonNode expected) {
        return switch (kind) {
            case STRING -> actual.isString() && expected.isString()
                    && holds(actual.stringValue().compareTo(expected.stringValue()));
            case PATTERN -> actual.isString() && expected.isString()
                    && wildcard(expected.stringValue()).matcher(actual.stringValue()).matches();
            case NUMERIC -> actual.isNumber() && expected.isNumber()
                    && holds(actual.decimalValue().compareTo(expected.decimalValue()));
            case BOOLEAN -> actual.isBoolean() && expected.isBoolean()
                    && actual.booleanValue() == expected.booleanValue();
            case TIMESTAMP -> compareTimestamps(actual, expected);
            case TYPE_TEST -> typeTest(actual) == expected.booleanValue();
        };
    }

    private boolean compareTimestamps(JsonNode actual, JsonNode expected) {
        Optional<Instant> left = actual.isString() ? Timestamps.parse(actual.stringValue()) : Optional.empty();
        Optional<Instant> right = expected.isString() ? Timestamps.parse(expected.stringValue()) : Optional.empty();
        return left.isPresent() && right.isPresent() && holds(left.get().compareTo(right.get()));
    }

    private boolean typeTest(JsonNode actual) {
        return switch (this) {
            case IS_NULL -> actual.isNull();
            case IS_NUMERIC -> actual.isNumber();
            case IS_STRING -> actual.isString();
            case IS_BOOLEAN -> actual.isBoolean();
            case IS_TIMESTAMP -> actual.isString() && Timestamps.parse(actual.stringValue()).isPresent();
            default -> throw new IllegalStateException(fieldName + " is not a type test");
        };
    }

    private boolean holds(int comparison) {
        return switch (relation) {
            case EQ -> comparison == 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LTE -> comparison <= 0;
            case GTE -> comparison >= 0;
        };
    }

    /** {@code *} matches any run of characters; {@code \*} is a literal star and {@code \\} a backslash. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                regex.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}

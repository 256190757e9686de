package io.ticketflow.local.stepfunctions.asl;

import java.util.ArrayList;
import java.util.List;

import io.ticketflow.local.stepfunctions.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Recursive-descent parser for the intrinsic call grammar:
 *
 * <pre>
 * call     := 'States.' name '(' [ argument (',' argument)* ] ')'
 * argument := call | 'string' | number | true | false | null | path
 * </pre>
 *
 * Strings escape {@code ' { } \} with a backslash. A path runs to the next top-level {@code ,} or {@code )};
 * Jayway then compiles it.
 */
final class IntrinsicParser {

    private static final int MAX_NESTING = 10;

    private final String text;
    private int position;

    IntrinsicParser(String text) {
        this.text = text;
    }

    IntrinsicCall parseInvocation() {
        skipBlanks();
        IntrinsicCall call = call(1);
        skipBlanks();
        if (position < text.length()) {
            throw error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private IntrinsicCall call(int depth) {
        if (depth > MAX_NESTING) {
            throw error("intrinsic functions nest at most " + MAX_NESTING + " deep");
        }
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
            position++;
        }
        String name = text.substring(start, position);
        if (!IntrinsicFunctions.isKnown(name)) {
            position = start;
            throw error("unknown intrinsic function '" + name + "'");
        }
        expect('(');
        List<IntrinsicArgument> arguments = new ArrayList<>();
        skipBlanks();
        if (peek() != ')') {
            do {
                skipBlanks();
                arguments.add(argument(depth));
                skipBlanks();
            } while (consume(','));
        }
        expect(')');
        try {
            IntrinsicFunctions.checkArity(name, arguments.size());
        } catch (IllegalArgumentException e) {
            position = start;
            throw error(e.getMessage());
        }
        return new IntrinsicCall(text.substring(start, position), name, arguments);
    }

    private IntrinsicArgument argument(int depth) {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (text.startsWith("States.", position)) {
            return call(depth + 1);
        }
        for (String keyword : List.of("true", "false", "null")) {
            if (text.startsWith(keyword, position)) {
                position += keyword.length();
                return new IntrinsicCall.Literal(Json.parse(keyword));
            }
        }
        throw error("expected an argument (a 'string', a number, true, false, null, a path or States.*)");
    }

    private IntrinsicCall.StringLiteral string() {
        position++;
        StringBuilder value = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        List<String> pieces = new ArrayList<>();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                if (position >= text.length() || "'{}\\".indexOf(text.charAt(position)) < 0) {
                    throw error("open escape: only \\', \\{, \\} and \\\\ are allowed");
                }
                char escaped = text.charAt(position++);
                value.append(escaped);
                piece.append(escaped);
            } else if (c == '{' && position < text.length() && text.charAt(position) == '}') {
                position++;
                value.append("{}");
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                value.append(c);
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return new IntrinsicCall.StringLiteral(value.toString(), List.copyOf(pieces));
    }

    private IntrinsicArgument path() {
        int start = position;
        int brackets = 0;
        char quote = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                brackets++;
            } else if (c == ']' || c == ')' && brackets > 0) {
                brackets--;
            } else if (brackets == 0 && (c == ',' || c == ')')) {
                break;
            }
            position++;
        }
        String pathText = text.substring(start, position).trim();
        try {
            return new IntrinsicCall.PathArgument(DataPath.compile(pathText));
        } catch (IllegalArgumentException e) {
            position = start;
            throw error(e.getMessage());
        }
    }

    private IntrinsicCall.Literal number() {
        int start = position;
        while (position < text.length() && "+-.eE0123456789".indexOf(peek()) >= 0) {
            position++;
        }
        String token = text.substring(start, position);
        try {
            JsonNode number = Json.MAPPER.readTree(token);
            if (number != null && number.isNumber()) {
                return new IntrinsicCall.Literal(number);
            }
        } catch (JacksonException e) {
            // reported below with the position
        }
        position = start;
        throw error("invalid number '" + token + "'");
    }

    private void expect(char c) {
        skipBlanks();
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean consume(char c) {
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipBlanks() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(
                "invalid intrinsic function call '" + text + "' at position " + position + ": " + message);
    }
}

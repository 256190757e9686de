package io.ticketflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One figure's result as a plain-text table, with the notes a reader needs to trust it. */
public final class Table {

    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Table(String title, String... header) {
        this.title = title;
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header " + header.size());
        }
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    public Table note(String note) {
        notes.add(note);
        return this;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Text columns left-aligned, numeric ones right-aligned. */
    public String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder("== ").append(title).append(" ==\n");
        appendLine(text, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        text.append(rule).append('\n');
        rows.forEach(row -> appendLine(text, row, widths));
        notes.forEach(note -> text.append("  * ").append(note).append('\n'));
        return text.toString();
    }

    private static void appendLine(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String format = "%" + (isNumeric(cell) ? "" : "-") + widths[c] + "s";
            line.append(c == 0 ? "" : " | ").append(String.format(Locale.ROOT, format, cell));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    static boolean isNumeric(String cell) {
        return cell.matches("[-+]?[0-9][0-9.,]*( ?(ms|µs|s|%|x))?");
    }

    public static String millis(double ms) {
        return withUnit(ms, "ms");
    }

    /** For what happens in memory, where milliseconds would round to nothing. */
    public static String micros(double us) {
        return withUnit(us, "µs");
    }

    /** No decimals above 100, one below (the noise is larger than that anyway). */
    private static String withUnit(double value, String unit) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, unit);
    }

    public static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}

package cn.jiaxiao.provisioning.roster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A roster file read into lines, with the problems found while reading it (unreadable file, missing header
 * columns, broken quoting). Reading never fails on bad content: it reports, so that the user learns what to
 * fix; only a failing stream throws.
 */
public final class RosterFile {

    /** Far above any school (a few thousand students, two guardians each), far below memory trouble. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    static final int MAX_LINES = 100_000;
    private static final int PROGRESS_EVERY = 1_000;

    private final List<RosterLine> lines;
    private final List<LineError> errors;
    private final boolean guardianColumns;
    private final boolean emailColumn;

    private RosterFile(List<RosterLine> lines, List<LineError> errors, boolean guardianColumns, boolean emailColumn) {
        this.lines = List.copyOf(lines);
        this.errors = List.copyOf(errors);
        this.guardianColumns = guardianColumns;
        this.emailColumn = emailColumn;
    }

    public static RosterFile parse(String fileName, InputStream content) throws IOException {
        return parse(fileName, content, ProgressListener.NONE);
    }

    /** Reads .xlsx (by name, or by its zip signature "PK") or else CSV. */
    public static RosterFile parse(String fileName, InputStream content, ProgressListener progress)
            throws IOException {
        byte[] bytes = content.readNBytes(MAX_BYTES + 1);
        List<LineError> errors = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            return failed(new LineError(0, null, "文件过大（最大 " + MAX_BYTES / 1024 / 1024 + " MB）"));
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls") || isOle2(bytes)) {
            return failed(new LineError(0, null, "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV"));
        }
        boolean xlsx = name.endsWith(".xlsx") || (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K');
        List<RawRow> rows = xlsx ? XlsxReader.read(bytes, errors) : CsvReader.read(bytes, errors);
        if (rows.isEmpty() && !errors.isEmpty()) {
            return new RosterFile(List.of(), errors, false, false);
        }
        Optional<HeaderMap> header = HeaderMap.find(rows, errors);
        if (header.isEmpty()) {
            return new RosterFile(List.of(), sorted(errors), false, false);
        }
        HeaderMap columns = header.get();
        List<RosterLine> lines = new ArrayList<>();
        for (RawRow row : rows) {
            if (row.lineNo() <= columns.lineNo() || row.isBlank()) {
                continue;
            }
            if (lines.size() == MAX_LINES) {
                errors.add(new LineError(row.lineNo(), null, "文件超过 " + MAX_LINES + " 行，其余行未读取"));
                break;
            }
            lines.add(new RosterLine(row.lineNo(), columns.value(row, RosterColumn.CLASS),
                    columns.value(row, RosterColumn.STUDENT_NO), columns.value(row, RosterColumn.STUDENT_NAME),
                    columns.value(row, RosterColumn.GUARDIAN_NAME), columns.value(row, RosterColumn.RELATION),
                    columns.value(row, RosterColumn.MOBILE), columns.value(row, RosterColumn.EMAIL)));
            if (lines.size() % PROGRESS_EVERY == 0) {
                progress.progress("parse", lines.size(), rows.size());
            }
        }
        progress.progress("parse", lines.size(), lines.size());
        return new RosterFile(lines, sorted(errors),
                columns.has(RosterColumn.GUARDIAN_NAME) || columns.has(RosterColumn.MOBILE),
                columns.has(RosterColumn.EMAIL));
    }

    /** A file built from lines already in hand (the web layer's own form, tests). */
    public static RosterFile of(List<RosterLine> lines, boolean guardianColumns, boolean emailColumn) {
        return new RosterFile(lines, List.of(), guardianColumns, emailColumn);
    }

    public List<RosterLine> lines() {
        return lines;
    }

    public List<LineError> errors() {
        return errors;
    }

    /** Whether the file speaks about guardians at all; if not, the import leaves guardian links alone. */
    public boolean hasGuardianColumns() {
        return guardianColumns;
    }

    /** Whether the file has an e-mail column; if not, guardians' stored e-mail addresses are kept. */
    public boolean hasEmailColumn() {
        return emailColumn;
    }

    private static RosterFile failed(LineError error) {
        return new RosterFile(List.of(), List.of(error), false, false);
    }

    private static List<LineError> sorted(List<LineError> errors) {
        return errors.stream().sorted(Comparator.comparingInt(LineError::lineNo)).toList();
    }

    private static boolean isOle2(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF
                && (bytes[2] & 0xFF) == 0x11 && (bytes[3] & 0xFF) == 0xE0;
    }
}

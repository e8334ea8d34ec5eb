package cn.jiaxiao.provisioning.roster;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as Chinese schools produce it: UTF-8 with or without BOM, or GB18030 (what Excel writes on a
 * Chinese Windows), comma- or tab-separated, quoted fields per RFC 4180. A record's line number is the
 * physical line it starts on, so that it matches what a text editor shows (Excel shows the same number unless
 * a quoted cell holds a line break).
 */
final class CsvReader {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CsvReader() {
    }

    static List<RawRow> read(byte[] content, List<LineError> errors) {
        return split(decode(content), errors);
    }

    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            return new String(content, StandardCharsets.UTF_16);
        }
        try {
            // Strict: GB18030 bytes almost never form valid UTF-8, so a clean decode settles it.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, GB18030);
        }
    }

    static List<RawRow> split(String text, List<LineError> errors) {
        char delimiter = delimiterOf(text);
        List<RawRow> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int line = 1;
        int recordLine = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new RawRow(recordLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                cellStarted = false;
                line++;
                recordLine = line;
            } else {
                // A stray quote inside an unquoted cell is kept as typed rather than refused.
                cell.append(c);
                cellStarted = true;
            }
        }
        if (quoted) {
            errors.add(new LineError(recordLine, null, "引号未闭合：从本行开始的内容无法读取"));
        } else if (cellStarted || !cells.isEmpty() || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new RawRow(recordLine, List.copyOf(cells)));
        }
        return rows;
    }

    /** Comma unless the first line has more tabs (Excel's "Unicode text") or semicolons than commas. */
    private static char delimiterOf(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long commas = first.chars().filter(c -> c == ',').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

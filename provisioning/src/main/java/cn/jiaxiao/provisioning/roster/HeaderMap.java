package cn.jiaxiao.provisioning.roster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which cell of a row holds which column, as the header row says. */
final class HeaderMap {

    /** Templates often put a title row or two above the header; look that far for it. */
    private static final int HEADER_SEARCH_ROWS = 5;

    private final int lineNo;
    private final Map<RosterColumn, Integer> positions;

    private HeaderMap(int lineNo, Map<RosterColumn, Integer> positions) {
        this.lineNo = lineNo;
        this.positions = positions;
    }

    /**
     * Finds the header among the first non-blank rows: the first that names every required column. When
     * none does, the problems of the first non-blank row are reported.
     */
    static Optional<HeaderMap> find(List<RawRow> rows, List<LineError> errors) {
        List<LineError> firstProblems = null;
        int tried = 0;
        for (RawRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            List<LineError> problems = new ArrayList<>();
            HeaderMap header = read(row, problems);
            if (problems.isEmpty()) {
                return Optional.of(header);
            }
            if (firstProblems == null) {
                firstProblems = problems;
            }
            if (++tried == HEADER_SEARCH_ROWS) {
                break;
            }
        }
        errors.addAll(firstProblems != null ? firstProblems
                : List.of(new LineError(0, null, "文件是空的，没有找到表头行")));
        return Optional.empty();
    }

    private static HeaderMap read(RawRow row, List<LineError> problems) {
        Map<RosterColumn, Integer> positions = new EnumMap<>(RosterColumn.class);
        for (int i = 0; i < row.cells().size(); i++) {
            RosterColumn column = RosterColumn.forHeader(row.cells().get(i));
            if (column == null) {
                continue; // extra columns (备注, 性别 ...) are allowed and ignored
            }
            if (positions.putIfAbsent(column, i) != null) {
                problems.add(new LineError(row.lineNo(), column.key, "表头中“" + column.label + "”列出现了两次"));
            }
        }
        for (RosterColumn column : RosterColumn.values()) {
            if (column.required && !positions.containsKey(column)) {
                problems.add(new LineError(row.lineNo(), column.key, "表头缺少“" + column.label + "”列"));
            }
        }
        // Guardians are known by their mobile number: a guardian column without one can't be imported.
        if (positions.containsKey(RosterColumn.GUARDIAN_NAME) && !positions.containsKey(RosterColumn.MOBILE)) {
            problems.add(new LineError(row.lineNo(), RosterColumn.MOBILE.key, "有家长姓名列，但表头缺少“手机号”列"));
        }
        return new HeaderMap(row.lineNo(), positions);
    }

    int lineNo() {
        return lineNo;
    }

    boolean has(RosterColumn column) {
        return positions.containsKey(column);
    }

    /** The trimmed cell of {@code column}, {@code null} when blank or when the file has no such column. */
    String value(RawRow row, RosterColumn column) {
        Integer index = positions.get(column);
        if (index == null) {
            return null;
        }
        String value = row.cell(index).strip();
        return value.isEmpty() ? null : value;
    }
}

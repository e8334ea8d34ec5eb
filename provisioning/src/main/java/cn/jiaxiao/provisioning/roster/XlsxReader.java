package cn.jiaxiao.provisioning.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** Reads the first sheet of an .xlsx as text cells, row numbers as Excel shows them. */
final class XlsxReader {

    private XlsxReader() {
    }

    static List<RawRow> read(byte[] content, List<LineError> errors) {
        List<RawRow> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> rows.add(new RawRow(row.getRowNum(), cells(row))));
        } catch (IOException | RuntimeException unreadable) {
            // fastexcel reports a damaged zip or sheet in several exception types; to the user it's one thing.
            errors.add(new LineError(0, null, "无法读取 Excel 文件：文件已损坏，或不是 .xlsx 格式"));
            return List.of();
        }
        return rows;
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    /**
     * A number typed into a cell (a mobile, a student number) is stored as a double: give its digits back,
     * without the ".0" or the exponent a plain toString would add.
     */
    static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY || cell.getType() == CellType.ERROR) {
            return "";
        }
        if (cell.getValue() instanceof BigDecimal number) {
            return plain(number);
        }
        String text = cell.getText();
        if (cell.getType() == CellType.FORMULA) {
            try {
                return plain(new BigDecimal(text.strip()));
            } catch (NumberFormatException textResult) {
                return text;
            }
        }
        return text;
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}

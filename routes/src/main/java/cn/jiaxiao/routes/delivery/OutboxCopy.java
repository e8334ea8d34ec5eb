package cn.jiaxiao.routes.delivery;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New outbox rows streamed into {@code outbound_message} with PostgreSQL's COPY (text format) on the caller's
 * connection, so they belong to its transaction. No statement is bound per row, which halves the JVM's part of
 * writing a district's 100,000 rows, and the rows go out in chunks while later ones are still being rendered; what
 * the database spends per row (seven indexes, four foreign-key triggers) is the same as for an INSERT.
 */
final class OutboxCopy implements AutoCloseable {

    static final String COLUMNS = """
            id, notice_id, channel, guardian_id, staff_id, recipient_enc, recipient_hash, recipient_masked, body,
            segments, state, subject, html, payload, target_id, not_before, fallback_of, dispatched_at""";

    private static final HexFormat HEX = HexFormat.of();
    /** Rows are sent in chunks of about this many characters: the database parses one while the next is built. */
    private static final int CHUNK = 64 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private boolean firstColumn = true;

    OutboxCopy(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy outbound_message (" + COLUMNS + ") from stdin");
    }

    /** One row: the values in the order of {@link #COLUMNS}, then {@link #endRow()}. */
    OutboxCopy value(Object value) {
        if (!firstColumn) {
            buffer.append('\t');
        }
        firstColumn = false;
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof byte[] bytes) {
            buffer.append("\\\\x").append(HEX.formatHex(bytes));
        } else if (value instanceof Instant time) {
            buffer.append(timestamp(time));
        } else if (value instanceof Number || value instanceof Boolean) {
            buffer.append(value);
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** An instant as a column value, for a caller that writes the same one in every row: formatted once. */
    static String timestamp(Instant time) {
        // As the driver binds an instant: to the microsecond, rounded.
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
    }

    OutboxCopy endRow() throws SQLException {
        buffer.append('\n');
        firstColumn = true;
        if (buffer.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    /** @return the rows written */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** A copy left unfinished (an exception while writing) is cancelled, which fails the transaction. */
    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** The text format's escapes: backslash, and the column and row separators. */
    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}

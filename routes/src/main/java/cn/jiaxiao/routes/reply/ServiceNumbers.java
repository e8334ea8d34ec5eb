package cn.jiaxiao.routes.reply;

import cn.jiaxiao.routes.smpp.SmppSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateway's own service numbers, per SMPP connection, with the digits of the notice extension the
 * connection appends ({@link SmppSettings#sourceFor(long)}): tells a reply from our own numbers, and reads the
 * extension code a reply's destination carries when the carrier kept it.
 */
public final class ServiceNumbers {

    /** A connection's service number and how many extension digits follow it. */
    public record Line(String connection, String serviceNumber, int extensionDigits) {
    }

    /** The code a destination carries, and the modulus notice ids were reduced by (10^digits). */
    public record Extension(long code, long modulus) {

        public boolean matches(long noticeId) {
            return noticeId % modulus == code;
        }
    }

    private final List<Line> lines;

    public ServiceNumbers(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    public static ServiceNumbers of(List<SmppSettings> connections) {
        List<Line> lines = new ArrayList<>();
        for (SmppSettings s : connections) {
            String number = digits(s.sourceAddress());
            if (!number.isEmpty()) {
                lines.add(new Line(s.name(), number, s.extensionDigits()));
            }
        }
        return new ServiceNumbers(lines);
    }

    /** Whether {@code number} is one of ours: a service number, with or without an extension. */
    public boolean isOwn(String number) {
        String n = digits(number);
        if (n.isEmpty()) {
            return false;
        }
        for (Line line : lines) {
            if (n.equals(line.serviceNumber())
                    || (n.startsWith(line.serviceNumber())
                        && n.length() <= line.serviceNumber().length() + Math.max(line.extensionDigits(), 6))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The extension in a reply's destination: the digits after the service number of the connection it came
     * over (or of any connection, when that one is unknown), exactly as many as that connection appends.
     */
    public Optional<Extension> extensionOf(String connection, String destination) {
        String d = digits(destination);
        for (Line line : ordered(connection)) {
            if (line.extensionDigits() <= 0 || !d.startsWith(line.serviceNumber())) {
                continue;
            }
            String rest = d.substring(line.serviceNumber().length());
            if (rest.length() == line.extensionDigits()) {
                return Optional.of(new Extension(Long.parseLong(rest), pow10(line.extensionDigits())));
            }
        }
        return Optional.empty();
    }

    private List<Line> ordered(String connection) {
        List<Line> first = new ArrayList<>();
        List<Line> rest = new ArrayList<>();
        for (Line line : lines) {
            (line.connection().equals(connection) ? first : rest).add(line);
        }
        first.addAll(rest);
        return first;
    }

    private static long pow10(int digits) {
        long m = 1;
        for (int i = 0; i < digits; i++) {
            m *= 10;
        }
        return m;
    }

    private static String digits(String s) {
        return s == null ? "" : s.replaceAll("[^0-9]", "");
    }
}

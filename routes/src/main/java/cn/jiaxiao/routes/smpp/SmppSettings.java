package cn.jiaxiao.routes.smpp;

import java.time.Duration;
import java.util.List;

/**
 * One SMSC connection (a carrier account): where to bind, as whom, how many binds with how many submits
 * in flight each, which number prefixes it serves (empty: every number), and the contracted rate in
 * submit_sm per second across all gateway instances (0: unlimited).
 */
public record SmppSettings(String name, String host, int port, String systemId, String password, String systemType,
        String sourceAddress, int binds, int window, Duration enquireLinkInterval, Duration responseTimeout,
        Duration reconnectInitial, Duration reconnectMax, List<String> prefixes, int maxTps, BindMode bindMode,
        int extensionDigits, Concatenation concatenation) {

    /** Transceiver sessions, or a transmitter for submits beside a receiver for receipts and replies. */
    public enum BindMode {
        TRANSCEIVER, TRANSMITTER_RECEIVER
    }

    public SmppSettings(String name, String host, int port, String systemId, String password, String systemType,
            String sourceAddress, int binds, int window, Duration enquireLinkInterval, Duration responseTimeout,
            Duration reconnectInitial, Duration reconnectMax, List<String> prefixes, int maxTps) {
        this(name, host, port, systemId, password, systemType, sourceAddress, binds, window, enquireLinkInterval,
                responseTimeout, reconnectInitial, reconnectMax, prefixes, maxTps, BindMode.TRANSCEIVER, 0,
                Concatenation.UDH8);
    }

    /**
     * The source address for a notice's messages: the service number, plus the notice's extension code when
     * the carrier allows extensions, so that a reply's destination tells which notice it answers.
     */
    public String sourceFor(long noticeId) {
        if (extensionDigits <= 0) {
            return sourceAddress;
        }
        long modulus = (long) Math.pow(10, extensionDigits);
        return sourceAddress + String.format("%0" + extensionDigits + "d", noticeId % modulus);
    }

    public SmppSettings {
        bindMode = bindMode == null ? BindMode.TRANSCEIVER : bindMode;
        concatenation = concatenation == null ? Concatenation.UDH8 : concatenation;
        if (extensionDigits < 0 || extensionDigits > 6) {
            throw new IllegalArgumentException("SMPP connection " + name + ": extension-digits must be 0 to 6");
        }
        prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
        if (binds < 1 || window < 1) {
            throw new IllegalArgumentException("SMPP connection " + name + ": binds and window must be at least 1");
        }
    }

    public boolean serves(String nationalNumber) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(nationalNumber::startsWith);
    }

    @Override
    public String toString() {
        // never the password
        return "SmppSettings[" + name + " " + host + ":" + port + " as " + systemId + ", " + binds + "x" + window + "]";
    }
}

package cn.jiaxiao.routes.smpp;

import java.time.Duration;
import java.util.List;

/**
 * One SMSC connection (a carrier account): where to bind, as whom, how many binds with how many submits
 * in flight each, and which number prefixes it serves (empty: every number).
 */
public record SmppSettings(String name, String host, int port, String systemId, String password, String systemType,
        String sourceAddress, int binds, int window, Duration enquireLinkInterval, Duration responseTimeout,
        Duration reconnectInitial, Duration reconnectMax, List<String> prefixes) {

    public SmppSettings {
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

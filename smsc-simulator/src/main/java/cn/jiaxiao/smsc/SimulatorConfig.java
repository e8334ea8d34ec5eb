package cn.jiaxiao.smsc;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Immutable behaviour of a simulator; change it at runtime with {@link SmscSimulator#update}. */
public final class SimulatorConfig {
    /** Receipt states the simulator can report (SMPP 3.4 appendix B). */
    static final Set<String> RECEIPT_STATES =
            Set.of("DELIVRD", "UNDELIV", "EXPIRED", "DELETED", "REJECTD", "ACCEPTD", "UNKNOWN", "ENROUTE");

    private final int smppPort;
    private final int httpPort;
    private final String host;
    private final String systemId;
    private final String password;
    private final Duration receiptDelay;
    private final boolean receiptsEnabled;
    private final String receiptState;
    private final Set<String> undeliverableDestinations;
    private final MessageIdFormat messageIdFormat;
    private final ReceiptIdFormat receiptIdFormat;
    private final boolean receiptTlvs;
    private final boolean receiptOnAnyBind;
    private final int throttleTps;
    private final int queueFullEvery;
    private final Set<String> permanentErrorDestinations;
    private final Duration submitLatency;
    private final Duration enquireLinkTimer;
    private final int pduProcessorThreads;
    private final int maxRetainedMessages;

    private SimulatorConfig(Builder b) {
        this.smppPort = b.smppPort;
        this.httpPort = b.httpPort;
        this.host = Objects.requireNonNull(b.host, "host");
        this.systemId = b.systemId;
        this.password = b.password;
        this.receiptDelay = nonNegative(b.receiptDelay, "receiptDelay");
        this.receiptsEnabled = b.receiptsEnabled;
        this.receiptState = b.receiptState;
        this.undeliverableDestinations = Set.copyOf(b.undeliverableDestinations);
        this.messageIdFormat = Objects.requireNonNull(b.messageIdFormat, "messageIdFormat");
        this.receiptIdFormat = Objects.requireNonNull(b.receiptIdFormat, "receiptIdFormat");
        this.receiptTlvs = b.receiptTlvs;
        this.receiptOnAnyBind = b.receiptOnAnyBind;
        this.throttleTps = b.throttleTps;
        this.queueFullEvery = b.queueFullEvery;
        this.permanentErrorDestinations = Set.copyOf(b.permanentErrorDestinations);
        this.submitLatency = nonNegative(b.submitLatency, "submitLatency");
        this.enquireLinkTimer = nonNegative(b.enquireLinkTimer, "enquireLinkTimer");
        this.pduProcessorThreads = b.pduProcessorThreads;
        this.maxRetainedMessages = b.maxRetainedMessages;
        if (smppPort < 0 || smppPort > 65535) {
            throw new IllegalArgumentException("smppPort out of range: " + smppPort);
        }
        if (httpPort > 65535) {
            throw new IllegalArgumentException("httpPort out of range: " + httpPort);
        }
        if (!RECEIPT_STATES.contains(receiptState)) {
            throw new IllegalArgumentException("receiptState must be one of " + RECEIPT_STATES + ": " + receiptState);
        }
        if (throttleTps < 0 || queueFullEvery < 0) {
            throw new IllegalArgumentException("throttleTps and queueFullEvery must be >= 0");
        }
        if (maxRetainedMessages < 1) {
            throw new IllegalArgumentException("maxRetainedMessages must be >= 1");
        }
        if (pduProcessorThreads < 1) {
            throw new IllegalArgumentException("pduProcessorThreads must be >= 1");
        }
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public int smppPort() { return smppPort; }
    public int httpPort() { return httpPort; }
    public String host() { return host; }
    public String systemId() { return systemId; }
    public String password() { return password; }
    public Duration receiptDelay() { return receiptDelay; }
    public boolean receiptsEnabled() { return receiptsEnabled; }
    public String receiptState() { return receiptState; }
    public Set<String> undeliverableDestinations() { return undeliverableDestinations; }
    public MessageIdFormat messageIdFormat() { return messageIdFormat; }
    public ReceiptIdFormat receiptIdFormat() { return receiptIdFormat; }
    public boolean receiptTlvs() { return receiptTlvs; }
    public boolean receiptOnAnyBind() { return receiptOnAnyBind; }
    public int throttleTps() { return throttleTps; }
    public int queueFullEvery() { return queueFullEvery; }
    public Set<String> permanentErrorDestinations() { return permanentErrorDestinations; }
    public Duration submitLatency() { return submitLatency; }
    public Duration enquireLinkTimer() { return enquireLinkTimer; }
    public int pduProcessorThreads() { return pduProcessorThreads; }
    public int maxRetainedMessages() { return maxRetainedMessages; }

    /** The state a receipt for this destination reports. */
    String receiptStateFor(String destination) {
        return undeliverableDestinations.contains(destination) ? "UNDELIV" : receiptState;
    }

    @Override
    public String toString() {
        return "SimulatorConfig{smppPort=" + smppPort + ", httpPort=" + httpPort + ", host=" + host
                + ", systemId=" + systemId + ", receiptDelay=" + receiptDelay + ", receiptsEnabled=" + receiptsEnabled
                + ", receiptState=" + receiptState + ", messageIdFormat=" + messageIdFormat
                + ", receiptIdFormat=" + receiptIdFormat + ", receiptTlvs=" + receiptTlvs
                + ", receiptOnAnyBind=" + receiptOnAnyBind + ", throttleTps=" + throttleTps
                + ", queueFullEvery=" + queueFullEvery + ", submitLatency=" + submitLatency
                + ", enquireLinkTimer=" + enquireLinkTimer + "}";
    }

    public static final class Builder {
        private int smppPort = 2775;
        private int httpPort = 8775;
        private String host = "127.0.0.1";
        private String systemId;
        private String password;
        private Duration receiptDelay = Duration.ofMillis(200);
        private boolean receiptsEnabled = true;
        private String receiptState = "DELIVRD";
        private Set<String> undeliverableDestinations = Set.of();
        private MessageIdFormat messageIdFormat = MessageIdFormat.HEX_LOWER;
        private ReceiptIdFormat receiptIdFormat = ReceiptIdFormat.SAME;
        private boolean receiptTlvs = true;
        private boolean receiptOnAnyBind;
        private int throttleTps;
        private int queueFullEvery;
        private Set<String> permanentErrorDestinations = Set.of();
        private Duration submitLatency = Duration.ZERO;
        private Duration enquireLinkTimer = Duration.ofSeconds(30);
        private int pduProcessorThreads = 3;
        private int maxRetainedMessages = 200_000;

        private Builder() {
        }

        private Builder(SimulatorConfig c) {
            smppPort = c.smppPort;
            httpPort = c.httpPort;
            host = c.host;
            systemId = c.systemId;
            password = c.password;
            receiptDelay = c.receiptDelay;
            receiptsEnabled = c.receiptsEnabled;
            receiptState = c.receiptState;
            undeliverableDestinations = c.undeliverableDestinations;
            messageIdFormat = c.messageIdFormat;
            receiptIdFormat = c.receiptIdFormat;
            receiptTlvs = c.receiptTlvs;
            receiptOnAnyBind = c.receiptOnAnyBind;
            throttleTps = c.throttleTps;
            queueFullEvery = c.queueFullEvery;
            permanentErrorDestinations = c.permanentErrorDestinations;
            submitLatency = c.submitLatency;
            enquireLinkTimer = c.enquireLinkTimer;
            pduProcessorThreads = c.pduProcessorThreads;
            maxRetainedMessages = c.maxRetainedMessages;
        }

        /** 0 = ephemeral. Only read at start. */
        public Builder smppPort(int v) { smppPort = v; return this; }
        /** 0 = ephemeral, negative = no HTTP control port. Only read at start. */
        public Builder httpPort(int v) { httpPort = v; return this; }
        /** Address both ports listen on. Only read at start. */
        public Builder host(String v) { host = v; return this; }
        /** null = accept any system_id. */
        public Builder systemId(String v) { systemId = v; return this; }
        /** null = accept any password. */
        public Builder password(String v) { password = v; return this; }
        public Builder receiptDelay(Duration v) { receiptDelay = v; return this; }
        public Builder receiptsEnabled(boolean v) { receiptsEnabled = v; return this; }
        public Builder receiptState(String v) {
            receiptState = v == null ? null : v.trim().toUpperCase(Locale.ROOT);
            return this;
        }
        public Builder undeliverableDestinations(Set<String> v) { undeliverableDestinations = Set.copyOf(v); return this; }
        public Builder messageIdFormat(MessageIdFormat v) { messageIdFormat = v; return this; }
        public Builder receiptIdFormat(ReceiptIdFormat v) { receiptIdFormat = v; return this; }
        public Builder receiptTlvs(boolean v) { receiptTlvs = v; return this; }
        public Builder receiptOnAnyBind(boolean v) { receiptOnAnyBind = v; return this; }
        /** 0 = no throttling. */
        public Builder throttleTps(int v) { throttleTps = v; return this; }
        /** 0 = never; otherwise every Nth submit_sm is answered ESME_RMSGQFUL. */
        public Builder queueFullEvery(int v) { queueFullEvery = v; return this; }
        public Builder permanentErrorDestinations(Set<String> v) { permanentErrorDestinations = Set.copyOf(v); return this; }
        public Builder submitLatency(Duration v) { submitLatency = v; return this; }
        /** How long a bound session may be idle before the simulator sends enquire_link. Applies to new binds. */
        public Builder enquireLinkTimer(Duration v) { enquireLinkTimer = v; return this; }
        /** Threads per session that process incoming PDUs (jsmpp's pduProcessorDegree). Applies to new connections. */
        public Builder pduProcessorThreads(int v) { pduProcessorThreads = v; return this; }

        /**
         * How many received messages are kept for {@link SmscSimulator#received()}; the oldest are forgotten
         * beyond that, so a gateway running on the embedded simulator for weeks does not grow without bound.
         */
        public Builder maxRetainedMessages(int v) { maxRetainedMessages = v; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}

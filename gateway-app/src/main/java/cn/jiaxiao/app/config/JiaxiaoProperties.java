package cn.jiaxiao.app.config;

import cn.jiaxiao.routes.smpp.SmppSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code jiaxiao.*}; each property is documented in the README. */
@ConfigurationProperties("jiaxiao")
public class JiaxiaoProperties {

    /** Where the embedded PostgreSQL and Artemis keep their data. */
    private Path dataDir = Path.of("data");
    /** The school's SMS signature, shown as 【signature】 before every SMS. */
    private String signature = "示范中学";
    /** The school's time zone: quiet hours and send times are read in it. */
    private java.time.ZoneId timeZone = java.time.ZoneId.of("Asia/Shanghai");
    /** Secret from which the keys sealing contact points are derived. Set it in production. */
    private String encryptionKey;
    private final Demo demo = new Demo();
    private final Embedded embedded = new Embedded();
    private final Simulator simulator = new Simulator();
    private final Smpp smpp = new Smpp();
    private final QuietHoursProperties quietHours = new QuietHoursProperties();
    private final Approval approval = new Approval();
    private final Settings settings = new Settings();
    private final Scheduler scheduler = new Scheduler();
    private final Sms sms = new Sms();
    private final Fallback fallback = new Fallback();
    private final Push push = new Push();
    private final Email email = new Email();
    private final Quota quota = new Quota();
    private final Replies replies = new Replies();
    private final RateLimit rateLimit = new RateLimit();
    private final Http http = new Http();
    private final Archive archive = new Archive();
    private final Metrics metrics = new Metrics();

    public Path getDataDir() { return dataDir; }
    public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
    public String getSignature() { return signature; }
    public void setSignature(String signature) { this.signature = signature; }
    public java.time.ZoneId getTimeZone() { return timeZone; }
    public void setTimeZone(java.time.ZoneId timeZone) { this.timeZone = timeZone; }
    public String getEncryptionKey() { return encryptionKey; }
    public void setEncryptionKey(String encryptionKey) { this.encryptionKey = encryptionKey; }
    public Demo getDemo() { return demo; }
    public Embedded getEmbedded() { return embedded; }
    public Simulator getSimulator() { return simulator; }
    public Smpp getSmpp() { return smpp; }
    public QuietHoursProperties getQuietHours() { return quietHours; }
    public Approval getApproval() { return approval; }
    public Settings getSettings() { return settings; }
    public Scheduler getScheduler() { return scheduler; }
    public Sms getSms() { return sms; }
    public Fallback getFallback() { return fallback; }
    public Push getPush() { return push; }
    public Email getEmail() { return email; }
    public Quota getQuota() { return quota; }
    public Replies getReplies() { return replies; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Http getHttp() { return http; }
    public Archive getArchive() { return archive; }
    public Metrics getMetrics() { return metrics; }

    /**
     * The settings the school-level account manager edits in the console (quiet hours, approval chains): stored in
     * PostgreSQL over the defaults configured here, and reread by every instance.
     */
    public static class Settings {
        /** How often every instance rereads the stored settings. */
        private Duration reloadPeriod = Duration.ofSeconds(10);

        public Duration getReloadPeriod() { return reloadPeriod; }
        public void setReloadPeriod(Duration reloadPeriod) { this.reloadPeriod = reloadPeriod; }
    }

    /** 夜间免打扰 (the default: the school-level account manager may change it in the console): nothing but emergencies is sent in this window, in {@code jiaxiao.time-zone}. */
    public static class QuietHoursProperties {
        private boolean enabled = true;
        private java.time.LocalTime start = java.time.LocalTime.of(22, 0);
        private java.time.LocalTime end = java.time.LocalTime.of(7, 0);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public java.time.LocalTime getStart() { return start; }
        public void setStart(java.time.LocalTime start) { this.start = start; }
        public java.time.LocalTime getEnd() { return end; }
        public void setEnd(java.time.LocalTime end) { this.end = end; }
    }

    public static class Approval {
        /**
         * Chains per kind (class, division, school, department, emergency), e.g. {@code APPROVE:GRADE_LEADER@division};
         * the defaults: the school-level account manager may change each in the console.
         */
        private java.util.Map<String, String> chains = new java.util.HashMap<>();
        /** A step waiting longer than this goes to the principal. */
        private Duration escalateAfter = Duration.ofHours(24);
        /** How often each instance looks for steps waiting longer than {@link #escalateAfter}. */
        private Duration escalationCheck = Duration.ofMinutes(1);

        public java.util.Map<String, String> getChains() { return chains; }
        public void setChains(java.util.Map<String, String> chains) { this.chains = chains; }
        public Duration getEscalateAfter() { return escalateAfter; }
        public void setEscalateAfter(Duration escalateAfter) { this.escalateAfter = escalateAfter; }
        public Duration getEscalationCheck() { return escalationCheck; }
        public void setEscalationCheck(Duration escalationCheck) { this.escalationCheck = escalationCheck; }
    }

    /** Parents' SMS replies (jiaxiao.replies.*). */
    public static class Replies {
        /** Handle stored replies at all (confirmations, leave requests, opt-outs, help answers). */
        private boolean enabled = true;
        /** A reply without an extension code answers a reply-required notice sent within this time. */
        private Duration confirmationWindow = Duration.ofDays(3);
        /** At most this many automatic answers to one number per hour (loop protection). */
        private int maxAnswersPerHour = 5;
        /** An absence alert with no reply after this time is escalated to the grade leader. */
        private Duration absenceEscalateAfter = Duration.ofMinutes(30);

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getConfirmationWindow() { return confirmationWindow; }
        public void setConfirmationWindow(Duration confirmationWindow) { this.confirmationWindow = confirmationWindow; }
        public int getMaxAnswersPerHour() { return maxAnswersPerHour; }
        public void setMaxAnswersPerHour(int maxAnswersPerHour) { this.maxAnswersPerHour = maxAnswersPerHour; }
        public Duration getAbsenceEscalateAfter() { return absenceEscalateAfter; }
        public void setAbsenceEscalateAfter(Duration absenceEscalateAfter) { this.absenceEscalateAfter = absenceEscalateAfter; }
    }

    public static class Fallback {
        /** How long a fallback notice's push may take to be delivered before the guardian gets the SMS instead. */
        private Duration after = Duration.ofMinutes(15);

        public Duration getAfter() { return after; }
        public void setAfter(Duration after) { this.after = after; }
    }

    public static class Scheduler {
        /** How often scheduled notices are checked for release. */
        private Duration period = Duration.ofSeconds(15);

        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
    }

    public static class Sms {
        /** Price of one SMS part, in yuan, for cost estimates. */
        private java.math.BigDecimal pricePerPart = new java.math.BigDecimal("0.05");

        public java.math.BigDecimal getPricePerPart() { return pricePerPart; }
        public void setPricePerPart(java.math.BigDecimal pricePerPart) { this.pricePerPart = pricePerPart; }
    }

    /** App push: FCM for the school's app, Web Push for browsers (README "App push"). */
    public static class Push {
        /** Whether the fan-out may use push at all; it also needs FCM or Web Push available (Web Push always is). */
        private boolean enabled = true;
        /** Batches from push.outbound sent at once. */
        private int consumers = 2;
        /** Threads sending a batch's messages in parallel (one HTTP request each), shared by all batches. */
        private int threads = 8;
        private Duration requestTimeout = Duration.ofSeconds(10);
        private final Fcm fcm = new Fcm();
        private final WebPush webpush = new WebPush();

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public int getConsumers() { return consumers; }
        public void setConsumers(int consumers) { this.consumers = consumers; }
        public int getThreads() { return threads; }
        public void setThreads(int threads) { this.threads = threads; }
        public Duration getRequestTimeout() { return requestTimeout; }
        public void setRequestTimeout(Duration requestTimeout) { this.requestTimeout = requestTimeout; }
        public Fcm getFcm() { return fcm; }
        public WebPush getWebpush() { return webpush; }

        public static class Fcm {
            /** The Firebase service account's JSON key file; FCM is off when empty. */
            private Path serviceAccountFile;
            /** FCM API base URL; only tests point it elsewhere. */
            private java.net.URI baseUrl;
            /** OAuth2 token endpoint instead of the key file's token_uri; only tests set it. */
            private java.net.URI tokenUri;

            public Path getServiceAccountFile() { return serviceAccountFile; }
            public void setServiceAccountFile(Path serviceAccountFile) { this.serviceAccountFile = serviceAccountFile; }
            public java.net.URI getBaseUrl() { return baseUrl; }
            public void setBaseUrl(java.net.URI baseUrl) { this.baseUrl = baseUrl; }
            public java.net.URI getTokenUri() { return tokenUri; }
            public void setTokenUri(java.net.URI tokenUri) { this.tokenUri = tokenUri; }
        }

        public static class WebPush {
            /** VAPID public key (base64url, 65 bytes); with the private key, or neither: then one is generated and kept in the database. */
            private String vapidPublicKey;
            /** VAPID private key (base64url, 32 bytes). */
            private String vapidPrivateKey;
            /** How push services reach the operator: a mailto: or https: URI. */
            private String subject = "mailto:admin@jiaxiao.invalid";
            /** Send to plain-http endpoints on 127.0.0.1/localhost (the demo's own push inbox); the API only accepts https. */
            private boolean allowLoopbackHttp = true;

            public String getVapidPublicKey() { return vapidPublicKey; }
            public void setVapidPublicKey(String vapidPublicKey) { this.vapidPublicKey = vapidPublicKey; }
            public String getVapidPrivateKey() { return vapidPrivateKey; }
            public void setVapidPrivateKey(String vapidPrivateKey) { this.vapidPrivateKey = vapidPrivateKey; }
            public String getSubject() { return subject; }
            public void setSubject(String subject) { this.subject = subject; }
            public boolean isAllowLoopbackHttp() { return allowLoopbackHttp; }
            public void setAllowLoopbackHttp(boolean allowLoopbackHttp) { this.allowLoopbackHttp = allowLoopbackHttp; }
        }
    }

    /** The e-mail channel; the SMTP server itself is Spring Boot's {@code spring.mail.*}. */
    public static class Email {
        /** Unset: on exactly when {@code spring.mail.host} is set. {@code false} switches e-mail off regardless. */
        private Boolean enabled;
        /** The sender address; its domain names Message-IDs, bounce (VERP) and unsubscribe addresses. */
        private String from = "noreply@school.example";
        /** The sender's display name; empty: {@code jiaxiao.signature}. */
        private String displayName;
        /** Batches sent at once (JMS consumers on email.outbound). */
        private int consumers = 2;
        private final Bounces bounces = new Bounces();

        public Boolean getEnabled() { return enabled; }
        public void setEnabled(Boolean enabled) { this.enabled = enabled; }
        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public int getConsumers() { return consumers; }
        public void setConsumers(int consumers) { this.consumers = consumers; }
        public Bounces getBounces() { return bounces; }
    }

    /** The mailbox bounces to {@code bounces+{id}@domain} arrive in; polled only when {@code host} is set. */
    public static class Bounces {
        private String host;
        /** 0: the protocol's default port. */
        private int port;
        /** imap, imaps, pop3 or pop3s. */
        private String protocol = "imaps";
        private String username;
        private String password;
        private String folder = "INBOX";
        private Duration pollInterval = Duration.ofMinutes(1);

        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getProtocol() { return protocol; }
        public void setProtocol(String protocol) { this.protocol = protocol; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getFolder() { return folder; }
        public void setFolder(String folder) { this.folder = folder; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    }

    public static class Demo {
        /** Seed the demo school 示范中学 into an empty database. */
        private boolean enabled = true;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    public static class Embedded {
        /** Port of the embedded PostgreSQL; 0 picks a free one. */
        private int postgresPort;

        public int getPostgresPort() { return postgresPort; }
        public void setPostgresPort(int postgresPort) { this.postgresPort = postgresPort; }
    }

    /** The in-process SMSC simulator, started only when no SMPP connection is configured. */
    public static class Simulator {
        /** SMPP port of the in-process simulator; 0 picks a free one. */
        private int smppPort;
        /** HTTP control port (MO injection, received messages); negative disables it. */
        private int httpPort = 8775;
        private Duration receiptDelay = Duration.ofMillis(200);

        public int getSmppPort() { return smppPort; }
        public void setSmppPort(int smppPort) { this.smppPort = smppPort; }
        public int getHttpPort() { return httpPort; }
        public void setHttpPort(int httpPort) { this.httpPort = httpPort; }
        public Duration getReceiptDelay() { return receiptDelay; }
        public void setReceiptDelay(Duration receiptDelay) { this.receiptDelay = receiptDelay; }
    }

    public static class Smpp {
        private List<Connection> connections = new ArrayList<>();
        /** How long a sender's lease on a message lasts before another sender may take it over. */
        private Duration claimLease = Duration.ofMinutes(2);
        /** How long a sender waits out throttling or a broken link itself before handing the message back to the broker. */
        private Duration retryWindow = Duration.ofSeconds(30);
        /** Messages per broker message on sms.outbound: claimed, submitted and recorded together. */
        private int batchSize = 200;
        /** Batches sent at once; their submits share one thread per window slot of all connections. */
        private int batchConsumers = 8;

        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getBatchConsumers() { return batchConsumers; }
        public void setBatchConsumers(int batchConsumers) { this.batchConsumers = batchConsumers; }
        public List<Connection> getConnections() { return connections; }
        public void setConnections(List<Connection> connections) { this.connections = connections; }
        public Duration getClaimLease() { return claimLease; }
        public Duration getRetryWindow() { return retryWindow; }
        public void setRetryWindow(Duration retryWindow) { this.retryWindow = retryWindow; }
        public void setClaimLease(Duration claimLease) { this.claimLease = claimLease; }
    }

    public static class Connection {
        private String name;
        private String host = "127.0.0.1";
        private int port = 2775;
        private String systemId = "jiaxiao";
        private String password = "";
        private String systemType = "";
        /** The service number messages are sent from (a 106 number in mainland China). */
        private String sourceAddress = "1069000";
        private int binds = 1;
        /** Outstanding submit_sm per bind. */
        private int window = 10;
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private Duration reconnectInitial = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofSeconds(60);
        /** Number prefixes this connection serves; empty serves every number. */
        private List<String> prefixes = new ArrayList<>();
        /** Contracted submit_sm per second for all instances together (each SMS part counts); 0 is unlimited. */
        private int maxTps;
        /** How long texts are carried: {@code udh8}, {@code udh16}, {@code sar} or {@code payload}. */
        private cn.jiaxiao.routes.smpp.Concatenation concatenation = cn.jiaxiao.routes.smpp.Concatenation.UDH8;
        /** Digits of the per-notice extension appended to the source address; 0 when the carrier allows none. */
        private int extensionDigits;
        /** {@code transceiver}, or {@code transmitter-receiver}: a transmitter and a receiver session per bind. */
        private cn.jiaxiao.routes.smpp.SmppSettings.BindMode bindType =
                cn.jiaxiao.routes.smpp.SmppSettings.BindMode.TRANSCEIVER;

        public SmppSettings toSettings(int index) {
            return new SmppSettings(name == null ? "smsc" + (index + 1) : name, host, port, systemId, password,
                    systemType, sourceAddress, binds, window, enquireLinkInterval, responseTimeout, reconnectInitial,
                    reconnectMax, prefixes, maxTps, bindType, extensionDigits, concatenation);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public String getSystemId() { return systemId; }
        public void setSystemId(String systemId) { this.systemId = systemId; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getSystemType() { return systemType; }
        public void setSystemType(String systemType) { this.systemType = systemType; }
        public String getSourceAddress() { return sourceAddress; }
        public void setSourceAddress(String sourceAddress) { this.sourceAddress = sourceAddress; }
        public int getBinds() { return binds; }
        public void setBinds(int binds) { this.binds = binds; }
        public int getWindow() { return window; }
        public void setWindow(int window) { this.window = window; }
        public Duration getEnquireLinkInterval() { return enquireLinkInterval; }
        public void setEnquireLinkInterval(Duration enquireLinkInterval) { this.enquireLinkInterval = enquireLinkInterval; }
        public Duration getResponseTimeout() { return responseTimeout; }
        public void setResponseTimeout(Duration responseTimeout) { this.responseTimeout = responseTimeout; }
        public Duration getReconnectInitial() { return reconnectInitial; }
        public void setReconnectInitial(Duration reconnectInitial) { this.reconnectInitial = reconnectInitial; }
        public Duration getReconnectMax() { return reconnectMax; }
        public void setReconnectMax(Duration reconnectMax) { this.reconnectMax = reconnectMax; }
        public cn.jiaxiao.routes.smpp.SmppSettings.BindMode getBindType() { return bindType; }
        public void setBindType(cn.jiaxiao.routes.smpp.SmppSettings.BindMode bindType) { this.bindType = bindType; }
        public cn.jiaxiao.routes.smpp.Concatenation getConcatenation() { return concatenation; }
        public void setConcatenation(cn.jiaxiao.routes.smpp.Concatenation concatenation) { this.concatenation = concatenation; }
        public int getExtensionDigits() { return extensionDigits; }
        public void setExtensionDigits(int extensionDigits) { this.extensionDigits = extensionDigits; }
        public int getMaxTps() { return maxTps; }
        public void setMaxTps(int maxTps) { this.maxTps = maxTps; }
        public List<String> getPrefixes() { return prefixes; }
        public void setPrefixes(List<String> prefixes) { this.prefixes = prefixes; }
    }

    /**
     * SMS quotas and the per-recipient cap (issue 7). Defaults where no account manager has set a quota;
     * empty is unlimited. Emergency notices are exempt.
     */
    public static class Quota {
        private Integer defaultAccountDailySms;
        private Integer defaultAccountMonthlySms;
        private Integer defaultUnitDailySms;
        private Integer defaultUnitMonthlySms;
        /** N: no guardian gets more than N non-emergency notices a day (the school-level manager may change it). */
        private int recipientDailyMessages = 5;

        public Integer getDefaultAccountDailySms() { return defaultAccountDailySms; }
        public void setDefaultAccountDailySms(Integer value) { this.defaultAccountDailySms = value; }
        public Integer getDefaultAccountMonthlySms() { return defaultAccountMonthlySms; }
        public void setDefaultAccountMonthlySms(Integer value) { this.defaultAccountMonthlySms = value; }
        public Integer getDefaultUnitDailySms() { return defaultUnitDailySms; }
        public void setDefaultUnitDailySms(Integer value) { this.defaultUnitDailySms = value; }
        public Integer getDefaultUnitMonthlySms() { return defaultUnitMonthlySms; }
        public void setDefaultUnitMonthlySms(Integer value) { this.defaultUnitMonthlySms = value; }
        public int getRecipientDailyMessages() { return recipientDailyMessages; }
        public void setRecipientDailyMessages(int value) { this.recipientDailyMessages = value; }
    }

    /**
     * Request rates (README "Security"): failed logins per client IP and per username, API calls per account.
     * Buckets are per instance (memory); behind a proxy set {@code server.forward-headers-strategy} so that
     * the client IP is the caller's.
     */
    public static class RateLimit {
        private boolean enabled = true;
        private final Limit api = new Limit(100, 20, Duration.ofSeconds(1));
        private final Limit loginFailuresPerIp = new Limit(30, 30, Duration.ofMinutes(10));
        private final Limit loginFailuresPerUsername = new Limit(10, 10, Duration.ofMinutes(15));

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Limit getApi() { return api; }
        public Limit getLoginFailuresPerIp() { return loginFailuresPerIp; }
        public Limit getLoginFailuresPerUsername() { return loginFailuresPerUsername; }
    }

    /** A token bucket: {@code capacity} at once (the burst), refilled by {@code refill} every {@code period}. */
    public static class Limit {
        private int capacity;
        private int refill;
        private Duration period;

        public Limit() {
        }

        public Limit(int capacity, int refill, Duration period) {
            this.capacity = capacity;
            this.refill = refill;
            this.period = period;
        }

        public int getCapacity() { return capacity; }
        public void setCapacity(int capacity) { this.capacity = capacity; }
        public int getRefill() { return refill; }
        public void setRefill(int refill) { this.refill = refill; }
        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
    }

    /** Request limits of the HTTP API. */
    public static class Http {
        /** Largest request body except multipart uploads (the roster import keeps spring.servlet.multipart.*). */
        private org.springframework.util.unit.DataSize maxBodySize = org.springframework.util.unit.DataSize.ofMegabytes(1);

        public org.springframework.util.unit.DataSize getMaxBodySize() { return maxBodySize; }
        public void setMaxBodySize(org.springframework.util.unit.DataSize maxBodySize) { this.maxBodySize = maxBodySize; }
    }

    /** The archive-retention job: per-recipient message rows of notices finished longer ago are deleted. */
    public static class Archive {
        /** Whether the daily job runs at all. */
        private boolean retentionEnabled = true;
        /** How long the per-recipient message rows of a finished notice are kept. */
        private java.time.Period retention = java.time.Period.ofYears(3);
        /** How often the job runs (each instance tries; one at a time does the work). */
        private Duration period = Duration.ofDays(1);
        /** Notices whose messages are deleted in one transaction. */
        private int sliceNotices = 20;

        public boolean isRetentionEnabled() { return retentionEnabled; }
        public void setRetentionEnabled(boolean retentionEnabled) { this.retentionEnabled = retentionEnabled; }
        public java.time.Period getRetention() { return retention; }
        public void setRetention(java.time.Period retention) { this.retention = retention; }
        public Duration getPeriod() { return period; }
        public void setPeriod(Duration period) { this.period = period; }
        public int getSliceNotices() { return sliceNotices; }
        public void setSliceNotices(int sliceNotices) { this.sliceNotices = sliceNotices; }
    }

    /** Gauges computed from the database (README "Operations"). */
    public static class Metrics {
        /** How often message counts and send latency are read from the database. */
        private Duration refresh = Duration.ofSeconds(30);
        /** Messages created within this window are counted by channel and state. */
        private Duration window = Duration.ofHours(24);

        public Duration getRefresh() { return refresh; }
        public void setRefresh(Duration refresh) { this.refresh = refresh; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration window) { this.window = window; }
    }
}

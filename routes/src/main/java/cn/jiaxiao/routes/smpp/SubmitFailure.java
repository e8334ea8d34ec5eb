package cn.jiaxiao.routes.smpp;

/**
 * A submit_sm that was not accepted. Temporary failures (no bound session, throttling, a full queue,
 * a timeout) are retried later; permanent ones (an invalid destination, a malformed message) fail the
 * message at once.
 */
public class SubmitFailure extends Exception {

    public static final int NO_STATUS = -1;

    private final boolean temporary;
    private final int commandStatus;
    private String connection;

    private SubmitFailure(String message, boolean temporary, int commandStatus, Throwable cause) {
        super(message, cause);
        this.temporary = temporary;
        this.commandStatus = commandStatus;
    }

    public static SubmitFailure temporary(String message, Throwable cause) {
        return new SubmitFailure(message, true, NO_STATUS, cause);
    }

    public static SubmitFailure permanent(String message, Throwable cause) {
        return new SubmitFailure(message, false, NO_STATUS, cause);
    }

    public static SubmitFailure ofStatus(int commandStatus) {
        return new SubmitFailure(String.format("SMSC answered 0x%08X", commandStatus),
                CommandStatus.isTemporary(commandStatus), commandStatus, null);
    }

    /** The connection that failed, when one was tried. */
    public String connection() {
        return connection;
    }

    SubmitFailure on(String connectionName) {
        this.connection = connectionName;
        return this;
    }

    public boolean isTemporary() {
        return temporary;
    }

    public int commandStatus() {
        return commandStatus;
    }
}
